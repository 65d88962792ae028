<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ColorLabel</name>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
</context>
<context>
    <name>ExportPreset</name>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Full size</source>
        <translation>Volle Größe</translation>
    </message>
    <message>
        <source>Web (AVIF)</source>
        <translation>Web (AVIF)</translation>
    </message>
    <message>
        <source>Web (WebP)</source>
        <translation>Web (WebP)</translation>
    </message>
</context>
<context>
    <name>ExportSetting</name>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>TIFF</source>
        <translation>TIFF</translation>
    </message>
    <message>
        <source>16 bits per channel unless asked</source>
        <translation>16 Bit pro Kanal, sofern nicht anders gewünscht</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Chroma</source>
        <translation>Chroma</translation>
    </message>
    <message>
        <source>4:4:4 (full colour detail)</source>
        <translation>4:4:4 (volle Farbauflösung)</translation>
    </message>
    <message>
        <source>4:2:2</source>
        <translation>4:2:2</translation>
    </message>
    <message>
        <source>4:2:0 (smallest files)</source>
        <translation>4:2:0 (kleinste Dateien)</translation>
    </message>
    <message>
        <source>Progressive JPEG</source>
        <translation>Progressives JPEG</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>Bittiefe</translation>
    </message>
    <message>
        <source>8 bits per channel</source>
        <translation>8 Bit pro Kanal</translation>
    </message>
    <message>
        <source>16 bits per channel</source>
        <translation>16 Bit pro Kanal</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>2048, long:2048, short:1080, 1920x1080 (fit), 12mp, original</source>
        <translation>2048, long:2048, short:1080, 1920x1080 (einpassen), 12mp, original</translation>
    </message>
    <message>
        <source>Original size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>Lange Kante</translation>
    </message>
    <message>
        <source>Short edge</source>
        <translation>Kurze Kante</translation>
    </message>
    <message>
        <source>Fit in a box</source>
        <translation>In Rahmen einpassen</translation>
    </message>
    <message>
        <source>Megapixels</source>
        <translation>Megapixel</translation>
    </message>
    <message>
        <source>Enlarge small photos</source>
        <translation>Kleine Fotos vergrößern</translation>
    </message>
    <message>
        <source>Enlarge a photo smaller than the size asked for (otherwise it keeps its own size)</source>
        <translation>Vergrößert ein Foto, das kleiner als die gewünschte Größe ist (sonst behält es seine eigene Größe)</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Farbraum</translation>
    </message>
    <message>
        <source>Output colour space</source>
        <translation>Ausgabefarbraum</translation>
    </message>
    <message>
        <source>sRGB (web, most screens)</source>
        <translation>sRGB (Web, die meisten Bildschirme)</translation>
    </message>
    <message>
        <source>Display P3</source>
        <translation>Display P3</translation>
    </message>
    <message>
        <source>Adobe RGB (1998)</source>
        <translation>Adobe RGB (1998)</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Renderpriorität</translation>
    </message>
    <message>
        <source>Rendering intent into the output colour space</source>
        <translation>Renderpriorität für die Umrechnung in den Ausgabefarbraum</translation>
    </message>
    <message>
        <source>Perceptual</source>
        <translation>Perzeptiv</translation>
    </message>
    <message>
        <source>Relative colorimetric</source>
        <translation>Relativ farbmetrisch</translation>
    </message>
    <message>
        <source>Sharpening amount</source>
        <translation>Schärfungsbetrag</translation>
    </message>
    <message>
        <source>Output sharpening amount (0 = off, 1 = 100%)</source>
        <translation>Betrag der Ausgabeschärfung (0 = aus, 1 = 100%)</translation>
    </message>
    <message>
        <source>Sharpening radius</source>
        <translation>Schärfungsradius</translation>
    </message>
    <message>
        <source>Sharpening radius in pixels</source>
        <translation>Schärfungsradius in Pixeln</translation>
    </message>
    <message>
        <source>Sharpening threshold</source>
        <translation>Schärfungsschwelle</translation>
    </message>
    <message>
        <source>Luminance differences below this are not sharpened (0 … 1)</source>
        <translation>Helligkeitsunterschiede unter diesem Wert werden nicht geschärft (0 … 1)</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Metadata carried</source>
        <translation>Übernommene Metadaten</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Camera, exposure, date, GPS, rating, keywords…</source>
        <translation>Kamera, Belichtung, Datum, GPS, Bewertung, Stichwörter…</translation>
    </message>
    <message>
        <source>All but location</source>
        <translation>Alle außer Standort</translation>
    </message>
    <message>
        <source>As All, without GPS or any place name</source>
        <translation>Wie Alle, ohne GPS und Ortsnamen</translation>
    </message>
    <message>
        <source>Copyright and contact only</source>
        <translation>Nur Copyright und Kontakt</translation>
    </message>
    <message>
        <source>Creator, copyright and contact: no camera, date or place</source>
        <translation>Urheber, Copyright und Kontakt: keine Kamera, kein Datum, kein Ort</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Nothing but the colour profile</source>
        <translation>Nur das Farbprofil</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Urheber</translation>
    </message>
    <message>
        <source>Artist written into the exported files</source>
        <translation>Urheber, der in die exportierten Dateien geschrieben wird</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <source>Copyright written into the exported files</source>
        <translation>Copyright, das in die exportierten Dateien geschrieben wird</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Output folder (created if missing)</source>
        <translation>Zielordner (wird bei Bedarf angelegt)</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Output name: {name} {ext} {camera} {date} {seq} {look}</source>
        <translation>Ausgabename: {name} {ext} {camera} {date} {seq} {look}</translation>
    </message>
    <message>
        <source>Replace existing files</source>
        <translation>Vorhandene Dateien ersetzen</translation>
    </message>
    <message>
        <source>Replace existing outputs (otherwise a numbered name is chosen)</source>
        <translation>Vorhandene Ausgabedateien ersetzen (sonst wird ein nummerierter Name gewählt)</translation>
    </message>
    <message>
        <source>WebP</source>
        <translation>WebP</translation>
    </message>
    <message>
        <source>8 bits, 4:2:0; smaller than JPEG</source>
        <translation>8 Bit, 4:2:0; kleiner als JPEG</translation>
    </message>
    <message>
        <source>AVIF</source>
        <translation>AVIF</translation>
    </message>
    <message>
        <source>8, 10 or 12 bits; much smaller than JPEG, slower to write</source>
        <translation>8, 10 oder 12 Bit; viel kleiner als JPEG, langsamer zu schreiben</translation>
    </message>
    <message>
        <source>JPEG XL</source>
        <translation>JPEG XL</translation>
    </message>
    <message>
        <source>8 to 16 bits; much smaller than JPEG</source>
        <translation>8 bis 16 Bit; viel kleiner als JPEG</translation>
    </message>
    <message>
        <source>Quality on JPEG&apos;s scale, for every lossy format alike: 85 suits the web, 92 and above keeps fine detail</source>
        <translation>Qualität auf der JPEG-Skala, für jedes verlustbehaftete Format gleich: 85 passt fürs Web, ab 92 bleiben feine Details erhalten</translation>
    </message>
    <message>
        <source>JPEG and AVIF chroma subsampling</source>
        <translation>Farbunterabtastung bei JPEG und AVIF</translation>
    </message>
    <message>
        <source>Bits per channel: PNG/TIFF 8 or 16, AVIF 8, 10 or 12, JPEG XL 8 to 16</source>
        <translation>Bit pro Kanal: PNG/TIFF 8 oder 16, AVIF 8, 10 oder 12, JPEG XL 8 bis 16</translation>
    </message>
    <message>
        <source>10 bits per channel</source>
        <translation>10 Bit pro Kanal</translation>
    </message>
    <message>
        <source>AVIF, JPEG XL</source>
        <translation>AVIF, JPEG XL</translation>
    </message>
    <message>
        <source>12 bits per channel</source>
        <translation>12 Bit pro Kanal</translation>
    </message>
</context>
<context>
    <name>LookDescription</name>
    <message>
        <source>Accurate, restrained colour with natural skin and gentle contrast.

Colour held close to what was in front of the lens rather than what would please at
first glance: saturation brought back from the default&apos;s lift towards the scene&apos;s own,
skin tones kept on their hue, foliage greens and sky blues left unpushed, a mid-tone curve
a little gentler than the default&apos;s with open shadows and a soft highlight shoulder. No
vignette, no grain.

Derived from OnePlus&apos;s descriptions of its &quot;Natural Colour Calibration with Hasselblad&quot;
(OnePlus 9 series, 2021) and the &quot;Hasselblad Natural Colour Solution&quot; of the phones that
followed, from Hasselblad&apos;s own description of HNCS as the colour science of its X and H
system cameras (one colour profile aiming at faithful, natural colour and skin), and from
published reviews of those phones, which describe their rendering as more accurate and less
saturated than the usual phone picture.

Inspired by the &quot;Hasselblad Natural Colour Solution&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Victor Hasselblad AB or OnePlus.</source>
        <translation>Genaue, zurückhaltende Farben mit natürlicher Haut und sanftem Kontrast.

Farben nah an dem, was vor dem Objektiv war, statt an dem, was auf den ersten Blick gefällt:
die Sättigung von der Anhebung der Standardwiedergabe zurück zu der der Szene geführt,
Hauttöne auf ihrem Farbton, Laubgrün und Himmelblau nicht verstärkt, eine Mitteltonkurve
etwas sanfter als die der Standardwiedergabe mit offenen Tiefen und einer weichen Schulter
in den Lichtern. Keine Vignette, kein Korn.

Abgeleitet aus den Beschreibungen von OnePlus zu seiner „Natural Colour Calibration with
Hasselblad“ (OnePlus-9-Serie, 2021) und zur „Hasselblad Natural Colour Solution“ der
folgenden Telefone, aus Hasselblads eigener Beschreibung von HNCS als Farbwissenschaft
seiner Kameras der X- und H-Systeme (ein Farbprofil, das auf getreue, natürliche Farben und
Haut zielt) und aus veröffentlichten Testberichten dieser Telefone, die ihre Wiedergabe als
genauer und weniger gesättigt als das übliche Handyfoto beschreiben.

Inspiriert von der Wiedergabe „Hasselblad Natural Colour Solution“; Rangefinder ist weder
mit Victor Hasselblad AB oder OnePlus verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>The 65:24 panorama of the XPan, in colour with the contrast of film.

The wide 65:24 frame of Hasselblad&apos;s panoramic film camera (the photographer can still move
or change the crop), a film-like S-curve with firmer mid-tones, deep but not crushed
shadows and a soft highlight shoulder, slightly restrained, warm colour, a light lens-like
fall-off towards the corners and fine grain.

Derived from OnePlus&apos;s descriptions of the XPan mode of its phones since the OnePlus 9
series (2021), from Hasselblad&apos;s descriptions of the XPan (1998, made with Fujifilm, which
sold it as the TX-1), whose 24 × 65 mm frame spans nearly two frames of 35 mm film, and from
published reviews of the XPan mode.

Inspired by the Hasselblad XPan; Rangefinder is not affiliated with, endorsed by or
sponsored by Victor Hasselblad AB, OnePlus or Fujifilm.</source>
        <translation>Das 65:24-Panorama der XPan, in Farbe mit dem Kontrast von Film.

Das breite 65:24-Format von Hasselblads Panorama-Filmkamera (der Ausschnitt lässt sich
weiterhin verschieben oder ändern), eine filmähnliche S-Kurve mit festeren Mitteltönen,
tiefen, aber nicht abgesoffenen Schatten und einer weichen Schulter in den Lichtern, leicht
zurückhaltende, warme Farben, ein leichter, objektivähnlicher Helligkeitsabfall zu den Ecken
und feines Korn.

Abgeleitet aus den Beschreibungen von OnePlus zum XPan-Modus seiner Telefone seit der
OnePlus-9-Serie (2021), aus Hasselblads Beschreibungen der XPan (1998, gebaut mit Fujifilm,
das sie als TX-1 verkaufte), deren Format von 24 × 65 mm fast zwei Kleinbildaufnahmen
umfasst, und aus veröffentlichten Testberichten zum XPan-Modus.

Inspiriert von der Hasselblad XPan; Rangefinder ist weder mit Victor Hasselblad AB, OnePlus
oder Fujifilm verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>The 65:24 panorama of the XPan, in black and white with the contrast of film.

The wide 65:24 frame of Hasselblad&apos;s panoramic film camera (the photographer can still move
or change the crop), a panchromatic black-and-white mix with a touch of a yellow filter
(skies a little darker), a film-like S-curve with firm mid-tones, deep blacks and a soft
highlight shoulder, a light fall-off towards the corners and visible grain.

Derived from OnePlus&apos;s descriptions of the black-and-white XPan mode of its phones since
the OnePlus 9 series (2021), from Hasselblad&apos;s descriptions of the XPan (1998, made with
Fujifilm, which sold it as the TX-1), and from published reviews of the XPan mode.

Inspired by the Hasselblad XPan; Rangefinder is not affiliated with, endorsed by or
sponsored by Victor Hasselblad AB, OnePlus or Fujifilm.</source>
        <translation>Das 65:24-Panorama der XPan, in Schwarzweiß mit dem Kontrast von Film.

Das breite 65:24-Format von Hasselblads Panorama-Filmkamera (der Ausschnitt lässt sich
weiterhin verschieben oder ändern), eine panchromatische Schwarzweißmischung mit einem Hauch
Gelbfilter (etwas dunklerer Himmel), eine filmähnliche S-Kurve mit festen Mitteltönen,
tiefem Schwarz und einer weichen Schulter in den Lichtern, ein leichter Helligkeitsabfall zu
den Ecken und sichtbares Korn.

Abgeleitet aus den Beschreibungen von OnePlus zum Schwarzweiß-XPan-Modus seiner Telefone
seit der OnePlus-9-Serie (2021), aus Hasselblads Beschreibungen der XPan (1998, gebaut mit
Fujifilm, das sie als TX-1 verkaufte) und aus veröffentlichten Testberichten zum XPan-Modus.

Inspiriert von der Hasselblad XPan; Rangefinder ist weder mit Victor Hasselblad AB, OnePlus
oder Fujifilm verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Natural colour with a firm, film-like tone curve.

Mid-tone contrast about 40 % steeper than the default rendering, deeper shadows, a firm
highlight shoulder that never clips white, saturation close to the default, neutral greys
kept neutral, a visible lens-like fall-off towards the corners (about half a stop) and a
little fine grain.

Inspired by the &quot;Leica Authentic&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Natürliche Farben mit einer festen, filmähnlichen Tonkurve.

Ein Mitteltonkontrast etwa 40 % steiler als in der Standardwiedergabe, tiefere Schatten,
eine feste Schulter in den Lichtern, die Weiß nie ausfressen lässt, eine Sättigung nahe der
Standardwiedergabe, neutrale Grautöne, die neutral bleiben, ein sichtbarer,
objektivähnlicher Helligkeitsabfall zu den Ecken (etwa eine halbe Blende) und ein wenig
feines Korn.

Inspiriert von der Wiedergabe „Leica Authentic“; Rangefinder ist weder mit der Leica Camera
AG verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Cool-toned black and white, like a selenium- or cyanotype-toned print.

The natural monochrome mix with a cool blue tint in the shadows and mid-tones, clean
highlights, a little extra contrast and fine grain.

Inspired by the &quot;Leica Blue&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Kühl getöntes Schwarzweiß wie ein selen- oder cyanotypiegetönter Abzug.

Die natürliche Schwarzweißmischung mit einer kühlen blauen Tönung in den Tiefen und
Mitteltönen, sauberen Lichtern, etwas mehr Kontrast und feinem Korn.

Inspiriert von der Wiedergabe „Leica Blue“; Rangefinder ist weder mit der Leica Camera AG
verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Natural black and white.

A panchromatic channel mix, the full tonal range from deep black to clean white, a touch
more mid-tone contrast than the colour default, a light vignette and fine grain.

Inspired by the &quot;Leica Monochrome&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Natürliches Schwarzweiß.

Eine panchromatische Kanalmischung, der volle Tonumfang von tiefem Schwarz bis sauberem
Weiß, ein wenig mehr Mitteltonkontrast als die Farb-Standardwiedergabe, eine leichte
Vignette und feines Korn.

Inspiriert von der Wiedergabe „Leica Monochrome“; Rangefinder ist weder mit der Leica Camera
AG verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Hard, graphic black and white.

A steep tone curve (half again the default&apos;s mid-tone contrast), deep blacks, a mix that
favours red over blue like a yellow-orange filter (darker skies, lighter skin), a vignette
and stronger grain.

Inspired by the &quot;Leica Monochrome High Contrast&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Hartes, grafisches Schwarzweiß.

Eine steile Tonkurve (das Anderthalbfache des Standard-Mitteltonkontrasts), tiefes Schwarz,
eine Mischung, die Rot gegenüber Blau bevorzugt wie ein Gelb-Orange-Filter (dunklerer
Himmel, hellere Haut), eine Vignette und kräftigeres Korn.

Inspiriert von der Wiedergabe „Leica Monochrome High Contrast“; Rangefinder ist weder mit
der Leica Camera AG verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Gentle, low-contrast colour for skin and soft light.

A flatter tone curve with open shadows, saturation a little below the default, no
vignette and no grain: a quiet starting point for portraits and for further editing.

Inspired by the &quot;Leica Natural&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Sanfte, kontrastarme Farben für Haut und weiches Licht.

Eine flachere Tonkurve mit offenen Tiefen, eine Sättigung etwas unter der
Standardwiedergabe, keine Vignette und kein Korn: ein ruhiger Ausgangspunkt für Porträts und
die weitere Bearbeitung.

Inspiriert von der Wiedergabe „Leica Natural“; Rangefinder ist weder mit der Leica Camera AG
verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Warm-toned black and white, like a sepia-toned print.

The natural monochrome mix with a warm brown tint through the shadows and mid-tones and a
paler cream in the highlights, a gentle curve and fine grain.

Inspired by the &quot;Leica Sepia&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Warm getöntes Schwarzweiß wie ein sepiagetönter Abzug.

Die natürliche Schwarzweißmischung mit einer warmen braunen Tönung in den Tiefen und
Mitteltönen und einem helleren Cremeton in den Lichtern, eine sanfte Kurve und feines Korn.

Inspiriert von der Wiedergabe „Leica Sepia“; Rangefinder ist weder mit der Leica Camera AG
verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Soft contrast and quieter colour, for portraits.

A flatter tone curve with open shadows and a gentle highlight shoulder, saturation clearly
below the default&apos;s, skin kept on its hue and smooth in tone; no vignette, no grain.

Derived from Huawei&apos;s descriptions of the &quot;Leica colours&quot; setting of its Leica-branded
P-series phones (P9 of 2016 to the P40 of 2020) and its &quot;Smooth&quot; mode, and from published
reviews of those phones, which describe it as the softer, less saturated mode suited to
portraits.

Inspired by the &quot;Leica Smooth&quot; colour mode; Rangefinder is not affiliated with, endorsed by
or sponsored by Leica Camera AG or Huawei.</source>
        <translation>Weicher Kontrast und ruhigere Farben, für Porträts.

Eine flachere Tonkurve mit offenen Tiefen und einer sanften Schulter in den Lichtern, eine
Sättigung deutlich unter der Standardwiedergabe, Haut auf ihrem Farbton und weich im Ton;
keine Vignette, kein Korn.

Abgeleitet aus Huaweis Beschreibungen der Einstellung „Leica colours“ seiner Leica-Telefone
der P-Serie (vom P9 von 2016 bis zum P40 von 2020) und ihres Modus „Smooth“ sowie aus
veröffentlichten Testberichten dieser Telefone, die ihn als den weicheren, weniger
gesättigten, für Porträts geeigneten Modus beschreiben.

Inspiriert vom Farbmodus „Leica Smooth“; Rangefinder ist weder mit der Leica Camera AG oder
Huawei verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Balanced, true colour: the everyday setting.

Saturation a little under the default&apos;s, towards the scene&apos;s own, a mid-tone curve close
to the default&apos;s, neutral greys and skin on its hue; no vignette, no grain.

Derived from Huawei&apos;s descriptions of the &quot;Leica colours&quot; setting of its Leica-branded
P-series phones (P9 of 2016 to the P40 of 2020, and the Mate phones of those years) and its
&quot;Standard&quot; mode, and from published reviews of those phones. This is the Huawei-era mode,
not one of the Leica looks of later phones.

Inspired by the &quot;Leica Standard&quot; colour mode; Rangefinder is not affiliated with, endorsed
by or sponsored by Leica Camera AG or Huawei.</source>
        <translation>Ausgewogene, naturgetreue Farben: die Einstellung für jeden Tag.

Eine Sättigung etwas unter der Standardwiedergabe, hin zu der der Szene, eine Mitteltonkurve
nahe der Standardwiedergabe, neutrale Grautöne und Haut auf ihrem Farbton; keine Vignette,
kein Korn.

Abgeleitet aus Huaweis Beschreibungen der Einstellung „Leica colours“ seiner Leica-Telefone
der P-Serie (vom P9 von 2016 bis zum P40 von 2020 und den Mate-Telefonen dieser Jahre) und
ihres Modus „Standard“ sowie aus veröffentlichten Testberichten dieser Telefone. Dies ist
der Modus aus der Huawei-Zeit, nicht einer der Leica-Looks späterer Telefone.

Inspiriert vom Farbmodus „Leica Standard“; Rangefinder ist weder mit der Leica Camera AG
oder Huawei verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Bright, saturated and punchy colour.

Brighter mid-tones, shadows lifted rather than crushed, colours about a third more
saturated (muted colours gain most), skin tones kept on their hue, and no vignette.

Inspired by the &quot;Leica Vibrant&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Helle, gesättigte und kräftige Farben.

Hellere Mitteltöne, angehobene statt abgesoffene Schatten, Farben etwa ein Drittel
gesättigter (gedeckte Farben gewinnen am meisten), Hauttöne auf ihrem Farbton und keine
Vignette.

Inspiriert von der Wiedergabe „Leica Vibrant“; Rangefinder ist weder mit der Leica Camera AG
verbunden noch von ihr unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Saturated and contrasty colour.

Colours about a fifth more saturated than the default, a steeper mid-tone curve with
deeper shadows and a firm highlight shoulder, skin kept on its hue, and no vignette.

This is the Huawei-era &quot;Leica Vivid&quot; colour mode, not Rangefinder&apos;s &quot;Leica Vibrant&quot; (the
later, brighter Leica look with lifted shadows). Derived from Huawei&apos;s descriptions of the
&quot;Leica colours&quot; setting of its Leica-branded P-series phones (P9 of 2016 to the P40 of
2020) and its &quot;Vivid&quot; mode, and from published reviews of those phones, which describe it
as punchier and more saturated than &quot;Standard&quot;.

Inspired by the &quot;Leica Vivid&quot; colour mode; Rangefinder is not affiliated with, endorsed by
or sponsored by Leica Camera AG or Huawei.</source>
        <translation>Gesättigte, kontrastreiche Farben.

Farben etwa ein Fünftel gesättigter als in der Standardwiedergabe, eine steilere
Mitteltonkurve mit tieferen Schatten und einer festen Schulter in den Lichtern, Haut auf
ihrem Farbton und keine Vignette.

Dies ist der Farbmodus „Leica Vivid“ aus der Huawei-Zeit, nicht Rangefinders „Leica Vibrant“
(der spätere, hellere Leica-Look mit angehobenen Schatten). Abgeleitet aus Huaweis
Beschreibungen der Einstellung „Leica colours“ seiner Leica-Telefone der P-Serie (vom P9 von
2016 bis zum P40 von 2020) und ihres Modus „Vivid“ sowie aus veröffentlichten Testberichten
dieser Telefone, die ihn als kräftiger und gesättigter als „Standard“ beschreiben.

Inspiriert vom Farbmodus „Leica Vivid“; Rangefinder ist weder mit der Leica Camera AG oder
Huawei verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Neutral, high-fidelity colour with a crisp, clean tonal snap.

Saturation brought back towards the scene&apos;s own, hues and skin left where they were, greys
neutral, and a mid-tone curve a touch firmer than the default&apos;s with clean blacks, for the
crisp look of a well-corrected lens. A look changes tone and colour only; the fine detail
itself is the lens&apos;s and the sharpening&apos;s. No vignette, no grain.

Derived from vivo&apos;s descriptions of &quot;ZEISS Natural Color&quot; (vivo X60 and X70 series, 2021,
and the X-series phones after them), which vivo and ZEISS present as reproducing colour as
faithfully as ZEISS lenses do, and from published reviews of those phones, which describe
the mode as truer and less saturated than vivo&apos;s standard &quot;vivid&quot; rendering.

Inspired by the &quot;ZEISS Natural Color&quot; rendering; Rangefinder is not affiliated with,
endorsed by or sponsored by Carl Zeiss AG or vivo.</source>
        <translation>Neutrale, originalgetreue Farben mit knackigem, klarem Tonumfang.

Die Sättigung zurück zu der der Szene geführt, Farbtöne und Haut belassen, wo sie waren,
neutrale Grautöne und eine Mitteltonkurve einen Hauch fester als die der Standardwiedergabe
mit sauberem Schwarz, für den klaren Eindruck eines gut korrigierten Objektivs. Ein Look
ändert nur Ton und Farbe; das feine Detail selbst stammt vom Objektiv und von der Schärfung.
Keine Vignette, kein Korn.

Abgeleitet aus den Beschreibungen von vivo zu „ZEISS Natural Color“ (vivo X60- und
X70-Serie, 2021, und die folgenden Telefone der X-Serie), das vivo und ZEISS als so
farbgetreu wie ZEISS-Objektive vorstellen, und aus veröffentlichten Testberichten dieser
Telefone, die den Modus als naturgetreuer und weniger gesättigt als vivos Standardwiedergabe
„vivid“ beschreiben.

Inspiriert von der Wiedergabe „ZEISS Natural Color“; Rangefinder ist weder mit der Carl
Zeiss AG oder vivo verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
    <message>
        <source>Saturated, bright colour with punch.

Colours about 20–35 % more saturated than the default (muted colours gain most), brighter
mid-tones, a little more contrast, clean blacks, skin kept on its hue, and no vignette.

Derived from vivo&apos;s descriptions of the vivid colour rendering its X-series phones with
ZEISS optics offer beside &quot;ZEISS Natural Color&quot; (vivo X60 and X70 series, 2021, and after),
and from published reviews of those phones, which describe it as the brighter, more
saturated, more immediately pleasing of the two.

Inspired by the vivid rendering of vivo&apos;s ZEISS phones; Rangefinder is not affiliated with,
endorsed by or sponsored by Carl Zeiss AG or vivo.</source>
        <translation>Gesättigte, helle Farben mit Kraft.

Farben etwa 20–35 % gesättigter als in der Standardwiedergabe (gedeckte Farben gewinnen am
meisten), hellere Mitteltöne, etwas mehr Kontrast, sauberes Schwarz, Haut auf ihrem Farbton
und keine Vignette.

Abgeleitet aus den Beschreibungen von vivo zur lebhaften Farbwiedergabe, die seine Telefone
der X-Serie mit ZEISS-Optik neben „ZEISS Natural Color“ bieten (vivo X60- und X70-Serie,
2021, und danach), und aus veröffentlichten Testberichten dieser Telefone, die sie als die
hellere, gesättigtere und auf Anhieb gefälligere der beiden beschreiben.

Inspiriert von der lebhaften Wiedergabe der ZEISS-Telefone von vivo; Rangefinder ist weder
mit der Carl Zeiss AG oder vivo verbunden noch von ihnen unterstützt oder gesponsert.</translation>
    </message>
</context>
<context>
    <name>ParamChoice</name>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Schnell</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>Hohe Qualität</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Abschneiden</translation>
    </message>
    <message>
        <source>Reconstruct</source>
        <translation>Rekonstruieren</translation>
    </message>
    <message>
        <source>As shot</source>
        <translation>Wie aufgenommen</translation>
    </message>
    <message>
        <source>Daylight</source>
        <translation>Tageslicht</translation>
    </message>
    <message>
        <source>Cloudy</source>
        <translation>Bewölkt</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <source>Tungsten</source>
        <translation>Kunstlicht</translation>
    </message>
    <message>
        <source>Fluorescent</source>
        <translation>Leuchtstoffröhre</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Blitz</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Legacy</source>
        <translation>Früherer Standard</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>3:2</source>
        <translation>3:2</translation>
    </message>
    <message>
        <source>2:3</source>
        <translation>2:3</translation>
    </message>
    <message>
        <source>4:3</source>
        <translation>4:3</translation>
    </message>
    <message>
        <source>3:4</source>
        <translation>3:4</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>16:9</source>
        <translation>16:9</translation>
    </message>
    <message>
        <source>9:16</source>
        <translation>9:16</translation>
    </message>
    <message>
        <source>4:5</source>
        <translation>4:5</translation>
    </message>
    <message>
        <source>5:4</source>
        <translation>5:4</translation>
    </message>
    <message>
        <source>65:24</source>
        <translation>65:24</translation>
    </message>
    <message>
        <source>24:65</source>
        <translation>24:65</translation>
    </message>
    <message>
        <source>Srgb</source>
        <translation>sRGB</translation>
    </message>
    <message>
        <source>Rec2020</source>
        <translation>Rec. 2020</translation>
    </message>
    <message>
        <source>Display-p3</source>
        <translation>Display P3</translation>
    </message>
</context>
<context>
    <name>ParamHelp</name>
    <message>
        <source>auto: 2×2 superpixel when the output is at most half the sensor size, high quality otherwise</source>
        <translation>Auto: 2×2-Superpixel, wenn die Ausgabe höchstens halb so groß wie der Sensor ist, sonst hohe Qualität</translation>
    </message>
    <message>
        <source>how clipped sensor channels are repaired</source>
        <translation>wie übersteuerte Sensorkanäle repariert werden</translation>
    </message>
    <message>
        <source>as_shot: the camera&apos;s (auto when it recorded none); auto: estimated from the image; custom uses wb.temperature and wb.tint</source>
        <translation>Wie aufgenommen: der der Kamera (automatisch, wenn sie keinen aufgezeichnet hat); Auto: aus dem Bild geschätzt; Benutzerdefiniert verwendet Temperatur und Tönung</translation>
    </message>
    <message>
        <source>correlated colour temperature of the light (custom white balance)</source>
        <translation>ähnlichste Farbtemperatur des Lichts (benutzerdefinierter Weißabgleich)</translation>
    </message>
    <message>
        <source>+ magenta, − green (custom white balance)</source>
        <translation>+ Magenta, − Grün (benutzerdefinierter Weißabgleich)</translation>
    </message>
    <message>
        <source>exposure compensation</source>
        <translation>Belichtungskorrektur</translation>
    </message>
    <message>
        <source>set exposure, highlights, shadows, whites and blacks from the image when the file is exported (the values are written in place of this flag)</source>
        <translation>setzt Belichtung, Lichter, Tiefen, Weiß und Schwarz beim Export aus dem Bild (die Werte werden anstelle dieser Option gespeichert)</translation>
    </message>
    <message>
        <source>standard: camera-like rendering with a soft highlight roll-off; linear: none; legacy: the standard curve of releases before December 2026, kept for photos edited then</source>
        <translation>Standard: kameraähnliche Wiedergabe mit weich auslaufenden Lichtern; Linear: keine Kurve; Früherer Standard: die Standardkurve der Versionen vor Dezember 2026, beibehalten für damals bearbeitete Fotos</translation>
    </message>
    <message>
        <source>mid-tone contrast</source>
        <translation>Kontrast der Mitteltöne</translation>
    </message>
    <message>
        <source>− recovers bright areas, + brightens them</source>
        <translation>− rettet helle Bereiche, + hellt sie auf</translation>
    </message>
    <message>
        <source>+ opens dark areas, − deepens them</source>
        <translation>+ hellt dunkle Bereiche auf, − vertieft sie</translation>
    </message>
    <message>
        <source>sets the white point</source>
        <translation>setzt den Weißpunkt</translation>
    </message>
    <message>
        <source>sets the black point</source>
        <translation>setzt den Schwarzpunkt</translation>
    </message>
    <message>
        <source>−100 gives black and white</source>
        <translation>−100 ergibt Schwarzweiß</translation>
    </message>
    <message>
        <source>saturation that spares already saturated colours</source>
        <translation>Sättigung, die bereits gesättigte Farben schont</translation>
    </message>
    <message>
        <source>straightens the lines the lens bends, from its profile; the frame is scaled so no empty border shows</source>
        <translation>begradigt die Linien, die das Objektiv krümmt, nach seinem Profil; der Bildausschnitt wird so skaliert, dass kein leerer Rand sichtbar ist</translation>
    </message>
    <message>
        <source>aligns the red and blue images with the green one (colour fringes towards the corners), from the lens&apos;s profile</source>
        <translation>richtet das rote und das blaue Teilbild am grünen aus (Farbsäume zu den Ecken hin), nach dem Profil des Objektivs</translation>
    </message>
    <message>
        <source>brightens the corners the lens darkens, from its profile at the shot&apos;s focal length and aperture</source>
        <translation>hellt die Ecken auf, die das Objektiv abdunkelt, nach seinem Profil bei Brennweite und Blende der Aufnahme</translation>
    </message>
    <message>
        <source>the camera&apos;s name in the lens database; empty: the camera the file names</source>
        <translation>der Name der Kamera in der Objektivdatenbank; leer: die Kamera, die die Datei nennt</translation>
    </message>
    <message>
        <source>the lens&apos;s name in the lens database (rangefinder-cli lenses lists them); empty: the lens the file names</source>
        <translation>der Name des Objektivs in der Objektivdatenbank (rangefinder-cli lenses listet sie auf); leer: das Objektiv, das die Datei nennt</translation>
    </message>
    <message>
        <source>clockwise quarter turns on top of the camera&apos;s orientation: 0, 90, 180, 270</source>
        <translation>Vierteldrehungen im Uhrzeigersinn zusätzlich zur Ausrichtung der Kamera: 0, 90, 180, 270</translation>
    </message>
    <message>
        <source>mirror left to right</source>
        <translation>von links nach rechts spiegeln</translation>
    </message>
    <message>
        <source>mirror top to bottom</source>
        <translation>von oben nach unten spiegeln</translation>
    </message>
    <message>
        <source>rotation, + counter-clockwise; the frame is trimmed to hide empty corners</source>
        <translation>Drehung, + gegen den Uhrzeigersinn; der Bildausschnitt wird beschnitten, damit keine leeren Ecken sichtbar sind</translation>
    </message>
    <message>
        <source>fraction of the width</source>
        <translation>Anteil der Breite</translation>
    </message>
    <message>
        <source>fraction of the height</source>
        <translation>Anteil der Höhe</translation>
    </message>
    <message>
        <source>constrains the crop to the largest centred frame of this ratio</source>
        <translation>beschränkt den Ausschnitt auf den größten zentrierten Rahmen dieses Seitenverhältnisses</translation>
    </message>
    <message>
        <source>removes grain-like noise in brightness; 100 % removes the noise measured in this photo, 0 turns it off</source>
        <translation>entfernt körniges Helligkeitsrauschen; 100 % entfernt das in diesem Foto gemessene Rauschen, 0 schaltet sie aus</translation>
    </message>
    <message>
        <source>how much fine texture luminance noise reduction keeps: lower is smoother, higher keeps more grain and texture</source>
        <translation>wie viel feine Struktur die Luminanz-Rauschreduzierung erhält: niedriger ist glatter, höher erhält mehr Korn und Struktur</translation>
    </message>
    <message>
        <source>removes coloured speckles and blotches; 100 % removes the colour noise measured in this photo, 0 turns it off</source>
        <translation>entfernt farbige Sprenkel und Flecken; 100 % entfernt das in diesem Foto gemessene Farbrauschen, 0 schaltet sie aus</translation>
    </message>
    <message>
        <source>the name of the applied look (empty: none)</source>
        <translation>der Name des angewendeten Looks (leer: keiner)</translation>
    </message>
    <message>
        <source>0 renders as if no look were applied, 100 is the full look</source>
        <translation>0 entwickelt, als wäre kein Look angewendet, 100 ist der volle Look</translation>
    </message>
    <message>
        <source>control points &quot;x,y x,y …&quot; on display-encoded values in [0, 1]; replaces contrast, pivot, toe and shoulder when set</source>
        <translation>Stützpunkte &quot;x,y x,y …&quot; auf bildschirmkodierten Werten in [0, 1]; ersetzt, wenn gesetzt, Kontrast, Drehpunkt, Fuß und Schulter</translation>
    </message>
    <message>
        <source>slope of the look curve at the pivot: +100 doubles it</source>
        <translation>Steigung der Look-Kurve im Drehpunkt: +100 verdoppelt sie</translation>
    </message>
    <message>
        <source>display-encoded value the contrast turns around (0.47: the default mid-grey)</source>
        <translation>bildschirmkodierter Wert, um den sich der Kontrast dreht (0,47: das Standard-Mittelgrau)</translation>
    </message>
    <message>
        <source>mid-tone brightness, ends fixed</source>
        <translation>Helligkeit der Mitteltöne, Enden fest</translation>
    </message>
    <message>
        <source>+ lifts the black point (faded shadows), − crushes it (deeper shadows)</source>
        <translation>+ hebt den Schwarzpunkt an (ausgeblichene Tiefen), − drückt ihn (tiefere Schatten)</translation>
    </message>
    <message>
        <source>+ pulls the white point down (softer highlights), − pushes it up (brighter)</source>
        <translation>+ senkt den Weißpunkt (weichere Lichter), − hebt ihn an (heller)</translation>
    </message>
    <message>
        <source>chroma change of every colour; −100 gives black and white</source>
        <translation>Buntheitsänderung aller Farben; −100 ergibt Schwarzweiß</translation>
    </message>
    <message>
        <source>chroma change weighted towards muted colours, sparing skin</source>
        <translation>Buntheitsänderung, vor allem bei gedeckten Farben, die Haut schonend</translation>
    </message>
    <message>
        <source>hue shift of this band</source>
        <translation>Farbtonverschiebung dieses Bereichs</translation>
    </message>
    <message>
        <source>chroma change of this band</source>
        <translation>Buntheitsänderung dieses Bereichs</translation>
    </message>
    <message>
        <source>lightness change of this band</source>
        <translation>Helligkeitsänderung dieses Bereichs</translation>
    </message>
    <message>
        <source>hue of the tint in the shadows</source>
        <translation>Farbton der Tönung in den Tiefen</translation>
    </message>
    <message>
        <source>strength of the shadow tint</source>
        <translation>Stärke der Tönung in den Tiefen</translation>
    </message>
    <message>
        <source>hue of the tint in the highlights</source>
        <translation>Farbton der Tönung in den Lichtern</translation>
    </message>
    <message>
        <source>strength of the highlight tint</source>
        <translation>Stärke der Tönung in den Lichtern</translation>
    </message>
    <message>
        <source>+ moves the split towards the shadows (more highlight tint)</source>
        <translation>+ verschiebt die Trennung zu den Tiefen (mehr Lichtertönung)</translation>
    </message>
    <message>
        <source>+ warms every colour towards amber, − cools it towards blue, more in the brighter tones, as a filter on the lens; white stays white</source>
        <translation>+ wärmt jede Farbe Richtung Bernstein, − kühlt sie Richtung Blau, stärker in den helleren Tönen, wie ein Filter vor dem Objektiv; Weiß bleibt Weiß</translation>
    </message>
    <message>
        <source>render in black and white through the channel mix</source>
        <translation>in Schwarzweiß über den Kanalmixer entwickeln</translation>
    </message>
    <message>
        <source>red&apos;s share of the grey (the shares are normalised to their sum)</source>
        <translation>Anteil von Rot am Grau (die Anteile werden auf ihre Summe normiert)</translation>
    </message>
    <message>
        <source>green&apos;s share</source>
        <translation>Anteil von Grün</translation>
    </message>
    <message>
        <source>blue&apos;s share</source>
        <translation>Anteil von Blau</translation>
    </message>
    <message>
        <source>exposure change at the frame&apos;s corners: − darkens</source>
        <translation>Belichtungsänderung in den Bildecken: − dunkelt ab</translation>
    </message>
    <message>
        <source>where the fall-off starts, as a share of the centre-to-corner distance</source>
        <translation>wo der Helligkeitsabfall beginnt, als Anteil des Abstands von der Mitte zur Ecke</translation>
    </message>
    <message>
        <source>0 follows the frame&apos;s shape, +100 is a circle, −100 squarer</source>
        <translation>0 folgt der Form des Bildes, +100 ist ein Kreis, −100 eckiger</translation>
    </message>
    <message>
        <source>softness of the fall-off</source>
        <translation>Weichheit des Helligkeitsabfalls</translation>
    </message>
    <message>
        <source>film grain strength</source>
        <translation>Stärke des Filmkorns</translation>
    </message>
    <message>
        <source>grain size, relative to the frame (same look at every export size)</source>
        <translation>Korngröße, relativ zum Bild (gleiche Wirkung bei jeder Exportgröße)</translation>
    </message>
    <message>
        <source>a .cube or Hald CLUT .png; relative paths are looked up in the look folders</source>
        <translation>eine .cube-Datei oder ein Hald-CLUT-.png; relative Pfade werden in den Look-Ordnern gesucht</translation>
    </message>
    <message>
        <source>what the LUT expects: these primaries with the sRGB transfer curve</source>
        <translation>was die LUT erwartet: diese Primärfarben mit der sRGB-Übertragungskurve</translation>
    </message>
</context>
<context>
    <name>ParamLabel</name>
    <message>
        <source>Demosaic</source>
        <translation>Demosaicing</translation>
    </message>
    <message>
        <source>Highlight recovery</source>
        <translation>Lichterrekonstruktion</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>Weißabgleich</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Tönung</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Auto tone</source>
        <translation>Auto-Tonwerte</translation>
    </message>
    <message>
        <source>Base curve</source>
        <translation>Basiskurve</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Lichter</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>Tiefen</translation>
    </message>
    <message>
        <source>Whites</source>
        <translation>Weiß</translation>
    </message>
    <message>
        <source>Blacks</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <source>Vibrance</source>
        <translation>Dynamik</translation>
    </message>
    <message>
        <source>Distortion</source>
        <translation>Verzeichnung</translation>
    </message>
    <message>
        <source>Chromatic aberration</source>
        <translation>Chromatische Aberration</translation>
    </message>
    <message>
        <source>Vignetting</source>
        <translation>Vignettierung</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Flip horizontal</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <source>Flip vertical</source>
        <translation>Vertikal spiegeln</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Crop left</source>
        <translation>Beschnitt links</translation>
    </message>
    <message>
        <source>Crop top</source>
        <translation>Beschnitt oben</translation>
    </message>
    <message>
        <source>Crop right</source>
        <translation>Beschnitt rechts</translation>
    </message>
    <message>
        <source>Crop bottom</source>
        <translation>Beschnitt unten</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Luminance</source>
        <translation>Luminanz</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Look strength</source>
        <translation>Look-Stärke</translation>
    </message>
    <message>
        <source>Look curve</source>
        <translation>Look-Kurve</translation>
    </message>
    <message>
        <source>Look contrast</source>
        <translation>Look-Kontrast</translation>
    </message>
    <message>
        <source>Look pivot</source>
        <translation>Look-Drehpunkt</translation>
    </message>
    <message>
        <source>Look brightness</source>
        <translation>Look-Helligkeit</translation>
    </message>
    <message>
        <source>Look toe</source>
        <translation>Look-Fuß</translation>
    </message>
    <message>
        <source>Look shoulder</source>
        <translation>Look-Schulter</translation>
    </message>
    <message>
        <source>Look saturation</source>
        <translation>Look-Sättigung</translation>
    </message>
    <message>
        <source>Look vibrance</source>
        <translation>Look-Dynamik</translation>
    </message>
    <message>
        <source>red hue</source>
        <translation>Rot: Farbton</translation>
    </message>
    <message>
        <source>red saturation</source>
        <translation>Rot: Sättigung</translation>
    </message>
    <message>
        <source>red luminance</source>
        <translation>Rot: Luminanz</translation>
    </message>
    <message>
        <source>orange hue</source>
        <translation>Orange: Farbton</translation>
    </message>
    <message>
        <source>orange saturation</source>
        <translation>Orange: Sättigung</translation>
    </message>
    <message>
        <source>orange luminance</source>
        <translation>Orange: Luminanz</translation>
    </message>
    <message>
        <source>yellow hue</source>
        <translation>Gelb: Farbton</translation>
    </message>
    <message>
        <source>yellow saturation</source>
        <translation>Gelb: Sättigung</translation>
    </message>
    <message>
        <source>yellow luminance</source>
        <translation>Gelb: Luminanz</translation>
    </message>
    <message>
        <source>green hue</source>
        <translation>Grün: Farbton</translation>
    </message>
    <message>
        <source>green saturation</source>
        <translation>Grün: Sättigung</translation>
    </message>
    <message>
        <source>green luminance</source>
        <translation>Grün: Luminanz</translation>
    </message>
    <message>
        <source>aqua hue</source>
        <translation>Aquamarin: Farbton</translation>
    </message>
    <message>
        <source>aqua saturation</source>
        <translation>Aquamarin: Sättigung</translation>
    </message>
    <message>
        <source>aqua luminance</source>
        <translation>Aquamarin: Luminanz</translation>
    </message>
    <message>
        <source>blue hue</source>
        <translation>Blau: Farbton</translation>
    </message>
    <message>
        <source>blue saturation</source>
        <translation>Blau: Sättigung</translation>
    </message>
    <message>
        <source>blue luminance</source>
        <translation>Blau: Luminanz</translation>
    </message>
    <message>
        <source>purple hue</source>
        <translation>Lila: Farbton</translation>
    </message>
    <message>
        <source>purple saturation</source>
        <translation>Lila: Sättigung</translation>
    </message>
    <message>
        <source>purple luminance</source>
        <translation>Lila: Luminanz</translation>
    </message>
    <message>
        <source>magenta hue</source>
        <translation>Magenta: Farbton</translation>
    </message>
    <message>
        <source>magenta saturation</source>
        <translation>Magenta: Sättigung</translation>
    </message>
    <message>
        <source>magenta luminance</source>
        <translation>Magenta: Luminanz</translation>
    </message>
    <message>
        <source>Shadow tint hue</source>
        <translation>Farbton Tiefentönung</translation>
    </message>
    <message>
        <source>Shadow tint</source>
        <translation>Tiefentönung</translation>
    </message>
    <message>
        <source>Highlight tint hue</source>
        <translation>Farbton Lichtertönung</translation>
    </message>
    <message>
        <source>Highlight tint</source>
        <translation>Lichtertönung</translation>
    </message>
    <message>
        <source>Tint balance</source>
        <translation>Tönungsabgleich</translation>
    </message>
    <message>
        <source>Look warmth</source>
        <translation>Look-Wärme</translation>
    </message>
    <message>
        <source>Monochrome</source>
        <translation>Schwarzweiß</translation>
    </message>
    <message>
        <source>Mono red</source>
        <translation>S/W-Anteil Rot</translation>
    </message>
    <message>
        <source>Mono green</source>
        <translation>S/W-Anteil Grün</translation>
    </message>
    <message>
        <source>Mono blue</source>
        <translation>S/W-Anteil Blau</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>Vignette</translation>
    </message>
    <message>
        <source>Vignette midpoint</source>
        <translation>Vignette: Mittelpunkt</translation>
    </message>
    <message>
        <source>Vignette roundness</source>
        <translation>Vignette: Rundheit</translation>
    </message>
    <message>
        <source>Vignette feather</source>
        <translation>Vignette: Weiche</translation>
    </message>
    <message>
        <source>Grain</source>
        <translation>Körnung</translation>
    </message>
    <message>
        <source>Grain size</source>
        <translation>Korngröße</translation>
    </message>
    <message>
        <source>LUT</source>
        <translation>LUT</translation>
    </message>
    <message>
        <source>LUT input</source>
        <translation>LUT-Eingang</translation>
    </message>
</context>
<context>
    <name>ParamSection</name>
    <message>
        <source>Rendering</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Präsenz</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Korrekturen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Noise reduction</source>
        <translation>Rauschreduzierung</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>Vignette</translation>
    </message>
    <message>
        <source>Grain</source>
        <translation>Körnung</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>A preset needs a name.</source>
        <translation>Eine Vorgabe braucht einen Namen.</translation>
    </message>
    <message>
        <source>“%1” is a built-in preset.</source>
        <translation>„%1“ ist eine mitgelieferte Vorgabe.</translation>
    </message>
    <message>
        <source>There is already a preset called “%1”.</source>
        <translation>Es gibt bereits eine Vorgabe namens „%1“.</translation>
    </message>
    <message>
        <source>%1 would write the same file names into one folder, so each goes into its own sub-folder: %2.</source>
        <translation>%1 würden dieselben Dateinamen in einen Ordner schreiben, daher kommt jede in einen eigenen Unterordner: %2.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>No stars</source>
        <translation>Keine Sterne</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rangefinder raw photo editor</source>
        <translation>Rangefinder, Editor für Raw-Fotos</translation>
    </message>
    <message>
        <source>A folder of raw files, or one raw file</source>
        <translation>Ein Ordner mit Raw-Dateien oder eine einzelne Raw-Datei</translation>
    </message>
</context>
<context>
    <name>rf::gui::BasicPanel</name>
    <message>
        <source>Basic</source>
        <translation>Grundeinstellungen</translation>
    </message>
</context>
<context>
    <name>rf::gui::CropPanel</name>
    <message>
        <source>Crop &amp; rotate</source>
        <translation>Freistellen und drehen</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Aspect ratio of the crop</source>
        <translation>Seitenverhältnis des Ausschnitts</translation>
    </message>
    <message>
        <source>⇄</source>
        <translation>⇄</translation>
    </message>
    <message>
        <source>Swap portrait and landscape</source>
        <translation>Hoch- und Querformat tauschen</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>⟲ 90°</source>
        <translation>⟲ 90°</translation>
    </message>
    <message>
        <source>Rotate counter-clockwise</source>
        <translation>Gegen den Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>⟳ 90°</source>
        <translation>⟳ 90°</translation>
    </message>
    <message>
        <source>Rotate clockwise</source>
        <translation>Im Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>⇋ Flip</source>
        <translation>⇋ Spiegeln</translation>
    </message>
    <message>
        <source>Mirror left to right</source>
        <translation>Von links nach rechts spiegeln</translation>
    </message>
    <message>
        <source>⇵ Flip</source>
        <translation>⇵ Spiegeln</translation>
    </message>
    <message>
        <source>Mirror top to bottom</source>
        <translation>Von oben nach unten spiegeln</translation>
    </message>
</context>
<context>
    <name>rf::gui::CubeExportDialog</name>
    <message>
        <source>sRGB (display)</source>
        <translation>sRGB (Anzeige)</translation>
    </message>
    <message>
        <source>Rec.2020 linear</source>
        <translation>Rec.2020 linear</translation>
    </message>
    <message>
        <source>ACEScct (log)</source>
        <translation>ACEScct (log)</translation>
    </message>
    <message>
        <source>For photo editors, ffmpeg and video tools: applied to a photo exported without a look, it gives the photo with the look.</source>
        <translation>Für Bildbearbeitungsprogramme, ffmpeg und Videoprogramme: auf ein ohne Look exportiertes Foto angewandt, ergibt sie das Foto mit dem Look.</translation>
    </message>
    <message>
        <source>Linear light for compositing tools, with a 1D shaper in front of the table (DaVinci Resolve&apos;s .cube); tools that cannot read a shaper, such as ffmpeg, refuse it.</source>
        <translation>Lineares Licht für Compositing-Programme, mit einem 1D-Shaper vor der Tabelle (das .cube von DaVinci Resolve); Programme, die keinen Shaper lesen, etwa ffmpeg, lehnen sie ab.</translation>
    </message>
    <message>
        <source>For grading in an ACES project (ACEScct, AP1 primaries). Use 65 points: the picture spans only half of the log range.</source>
        <translation>Für das Grading in einem ACES-Projekt (ACEScct, AP1-Primärfarben). 65 Punkte verwenden: Das Bild belegt nur die Hälfte des Log-Bereichs.</translation>
    </message>
    <message>
        <source>Export Look as .cube</source>
        <translation>Look als .cube exportieren</translation>
    </message>
    <message>
        <source>Points per axis: 33 is usual, 65 the most accurate</source>
        <translation>Punkte je Achse: 33 ist üblich, 65 am genauesten</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>The look&apos;s colour at full strength. A vignette or grain depends on the place in the frame and cannot be part of a LUT.</source>
        <translation>Die Farbe des Looks in voller Stärke. Eine Vignette oder Körnung hängt vom Ort im Bild ab und kann nicht Teil einer LUT sein.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Farbraum</translation>
    </message>
    <message>
        <source>Points per axis</source>
        <translation>Punkte je Achse</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Cube LUTs (*.cube)</source>
        <translation>Cube-LUTs (*.cube)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>rf::gui::DetailPanel</name>
    <message>
        <source>Detail &amp; effects</source>
        <translation>Details und Effekte</translation>
    </message>
</context>
<context>
    <name>rf::gui::EditPanel</name>
    <message>
        <source>%1 %2</source>
        <comment>history: a slider&apos;s label and its new value</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>history: a list&apos;s label and the item chosen</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on</source>
        <comment>history: a switch turned on</comment>
        <translation>%1 an</translation>
    </message>
    <message>
        <source>%1 off</source>
        <comment>history: a switch turned off</comment>
        <translation>%1 aus</translation>
    </message>
</context>
<context>
    <name>rf::gui::EditorWidget</name>
    <message>
        <source>White balance from a neutral area</source>
        <translation>Weißabgleich aus einem neutralen Bereich</translation>
    </message>
    <message>
        <source>Auto tone</source>
        <translation>Auto-Tonwerte</translation>
    </message>
    <message>
        <source>White balance: %1</source>
        <translation>Weißabgleich: %1</translation>
    </message>
    <message>
        <source>Edits saved</source>
        <translation>Bearbeitungen gespeichert</translation>
    </message>
    <message>
        <source>Edits are kept here but could not be saved: %1</source>
        <translation>Die Bearbeitungen bleiben hier erhalten, konnten aber nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The sidecar could not be read, so the photo opens unedited (the file is left as it is): %1</source>
        <translation>Die Filialdatei ist nicht lesbar, daher öffnet sich das Foto unbearbeitet (die Datei bleibt, wie sie ist): %1</translation>
    </message>
    <message>
        <source>Fit  %1 %</source>
        <translation>Eingepasst  %1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Freistellen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy Edits</source>
        <translation>Bearbeitungen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy this photo&apos;s edits</source>
        <translation>Die Bearbeitungen dieses Fotos kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste Edits</source>
        <translation>Bearbeitungen &amp;einfügen</translation>
    </message>
    <message>
        <source>Paste the copied edits except white balance and crop</source>
        <translation>Die kopierten Bearbeitungen außer Weißabgleich und Ausschnitt einfügen</translation>
    </message>
    <message>
        <source>Paste &amp;Selected Edits…</source>
        <translation>&amp;Teilweise einfügen…</translation>
    </message>
    <message>
        <source>Choose which parts of the copied edits to paste</source>
        <translation>Auswählen, welche Teile der kopierten Bearbeitungen eingefügt werden</translation>
    </message>
    <message>
        <source>Reset &amp;All Edits</source>
        <translation>&amp;Alle Bearbeitungen zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the photo as shot (undoable)</source>
        <translation>Zurück zum Foto wie aufgenommen (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>&amp;Before / After</source>
        <translation>&amp;Vorher / Nachher</translation>
    </message>
    <message>
        <source>Show the photo without edits (\)</source>
        <translation>Das Foto ohne Bearbeitungen zeigen (\)</translation>
    </message>
    <message>
        <source>&amp;Split Before / After</source>
        <translation>Vorher / Nachher &amp;geteilt</translation>
    </message>
    <message>
        <source>Before on the left, after on the right; drag the divider (Y)</source>
        <translation>Vorher links, nachher rechts; den Trenner ziehen (Y)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>Ein&amp;passen</translation>
    </message>
    <message>
        <source>Fit the photo in the window (Space or F toggles)</source>
        <translation>Das Foto ins Fenster einpassen (Leertaste oder F schalten um)</translation>
    </message>
    <message>
        <source>Zoom to &amp;100 %</source>
        <translation>Zoom &amp;100 %</translation>
    </message>
    <message>
        <source>One photo pixel per screen pixel, full quality</source>
        <translation>Ein Fotopixel pro Bildschirmpixel, volle Qualität</translation>
    </message>
    <message>
        <source>Show &amp;Clipping</source>
        <translation>&amp;Clipping anzeigen</translation>
    </message>
    <message>
        <source>Blown highlights in red, blocked shadows in blue (J)</source>
        <translation>Ausgefressene Lichter rot, abgesoffene Tiefen blau (J)</translation>
    </message>
    <message>
        <source>White Balance &amp;Picker</source>
        <translation>&amp;Weißabgleich-Pipette</translation>
    </message>
    <message>
        <source>Click or drag over something that should be neutral grey (W)</source>
        <translation>Auf etwas klicken oder ziehen, das neutral grau sein sollte (W)</translation>
    </message>
    <message>
        <source>&amp;Auto Tone</source>
        <translation>&amp;Auto-Tonwerte</translation>
    </message>
    <message>
        <source>Set exposure, highlights, shadows, whites and blacks from the photo (undoable; the values stay yours to move)</source>
        <translation>Belichtung, Lichter, Tiefen, Weiß und Schwarz aus dem Foto setzen (rückgängig zu machen; die Werte bleiben frei einstellbar)</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>C&amp;rop</source>
        <translation>F&amp;reistellen</translation>
    </message>
    <message>
        <source>Show the crop frame: drag its edges, corners or inside (R)</source>
        <translation>Den Freistellungsrahmen zeigen: an Kanten, Ecken oder innen ziehen (R)</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Pipette</translation>
    </message>
    <message>
        <source>Edits copied</source>
        <translation>Bearbeitungen kopiert</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Alles zurücksetzen</translation>
    </message>
    <message>
        <source>Click or drag over a neutral grey or white area</source>
        <translation>Auf einen neutral grauen oder weißen Bereich klicken oder ziehen</translation>
    </message>
    <message>
        <source>Looks</source>
        <translation>Looks</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Crop aspect %1</source>
        <translation>Seitenverhältnis %1</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Nach rechts drehen</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Nach links drehen</translation>
    </message>
    <message>
        <source>Flip horizontal</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <source>Flip vertical</source>
        <translation>Vertikal spiegeln</translation>
    </message>
    <message>
        <source>Nothing to paste: copy a photo&apos;s edits first</source>
        <translation>Nichts einzufügen: zuerst die Bearbeitungen eines Fotos kopieren</translation>
    </message>
    <message>
        <source>Paste edits</source>
        <translation>Bearbeitungen einfügen</translation>
    </message>
    <message>
        <source>The look “%1” is not installed</source>
        <translation>Der Look „%1“ ist nicht installiert</translation>
    </message>
    <message>
        <source>Look: %1</source>
        <translation>Look: %1</translation>
    </message>
    <message>
        <source>No look</source>
        <translation>Kein Look</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>Display profile not used, showing sRGB: %1</source>
        <translation>Bildschirmprofil nicht verwendet, Anzeige in sRGB: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s) changed, %2 failed: %3</source>
        <translation>
            <numerusform>%1: %n Foto geändert, %2 fehlgeschlagen: %3</numerusform>
            <numerusform>%1: %n Fotos geändert, %2 fehlgeschlagen: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s) changed</source>
        <translation>
            <numerusform>%1: %n Foto geändert</numerusform>
            <numerusform>%1: %n Fotos geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Side b&amp;y Side Before / After</source>
        <translation>Vorher / Nachher &amp;nebeneinander</translation>
    </message>
    <message>
        <source>Before and after next to each other, zooming and panning together (Shift+Y)</source>
        <translation>Vorher und nachher nebeneinander, gemeinsam gezoomt und verschoben (Umschalt+Y)</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Compare with the Camera&apos;s &amp;JPEG</source>
        <translation>Mit dem &amp;JPEG der Kamera vergleichen</translation>
    </message>
    <message>
        <source>Compare with the JPEG the camera made instead of the unedited render (C)</source>
        <translation>Mit dem JPEG der Kamera statt mit dem unbearbeiteten Bild vergleichen (C)</translation>
    </message>
    <message>
        <source>Unedited</source>
        <translation>Unbearbeitet</translation>
    </message>
    <message>
        <source>Camera JPEG</source>
        <translation>Kamera-JPEG</translation>
    </message>
    <message>
        <source>The camera&apos;s JPEG can be compared with once the raw is open</source>
        <translation>Das JPEG der Kamera lässt sich vergleichen, sobald das Raw geöffnet ist</translation>
    </message>
    <message>
        <source>What the edit is compared with: the unedited render or the JPEG the camera made (C)</source>
        <translation>Womit die Bearbeitung verglichen wird: das unbearbeitete Bild oder das JPEG der Kamera (C)</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>Clipping</translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportDialog</name>
    <message>
        <source>the raw file&apos;s name without its extension</source>
        <translation>der Name der Raw-Datei ohne Endung</translation>
    </message>
    <message>
        <source>the raw file&apos;s extension</source>
        <translation>die Endung der Raw-Datei</translation>
    </message>
    <message>
        <source>the camera model</source>
        <translation>das Kameramodell</translation>
    </message>
    <message>
        <source>the capture date, YYYY-MM-DD</source>
        <translation>das Aufnahmedatum, JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>the photo&apos;s position in this export, 0001…</source>
        <translation>die Position des Fotos in diesem Export, 0001…</translation>
    </message>
    <message>
        <source>the applied look, e.g. leica-authentic (&quot;none&quot; without one)</source>
        <translation>der angewendete Look, z. B. leica-authentic (&quot;none&quot; ohne Look)</translation>
    </message>
    <message>
        <source>Choose an output folder.</source>
        <translation>Einen Zielordner wählen.</translation>
    </message>
    <message>
        <source>%1: cannot create it, %2 is a file, not a folder.</source>
        <translation>%1: kann nicht angelegt werden, %2 ist eine Datei und kein Ordner.</translation>
    </message>
    <message>
        <source>%1: cannot write into %2 (%3).</source>
        <translation>%1: kann nicht in %2 schreiben (%3).</translation>
    </message>
    <message numerus="yes">
        <source>Export %n Photo(s)</source>
        <translation>
            <numerusform>%n Foto exportieren</numerusform>
            <numerusform>%n Fotos exportieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Tick every preset to export with (Space ticks the selected one); the options on the right belong to the selected preset.</source>
        <translation>Jede Vorgabe ankreuzen, mit der exportiert werden soll (die Leertaste kreuzt die ausgewählte an); die Optionen rechts gehören zur ausgewählten Vorgabe.</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Vorgaben</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Keep these options as a preset of your own</source>
        <translation>Diese Optionen als eigene Vorgabe behalten</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Store the changes to this preset</source>
        <translation>Die Änderungen an dieser Vorgabe speichern</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Umbe&amp;nennen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>&amp;Qualität:</translation>
    </message>
    <message>
        <source>Ch&amp;roma:</source>
        <translation>&amp;Chroma:</translation>
    </message>
    <message>
        <source>&amp;Bit depth:</source>
        <translation>Bit&amp;tiefe:</translation>
    </message>
    <message>
        <source>Pro&amp;gressive JPEG</source>
        <translation>&amp;Progressives JPEG</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Resi&amp;ze to:</source>
        <translation>&amp;Größe ändern auf:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> MP</source>
        <translation> MP</translation>
    </message>
    <message>
        <source>Never enlarged beyond the photo&apos;s own size.</source>
        <translation>Nie über die eigene Größe des Fotos hinaus vergrößert.</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Colour &amp;space:</source>
        <translation>F&amp;arbraum:</translation>
    </message>
    <message>
        <source>&amp;Intent:</source>
        <translation>Pri&amp;orität:</translation>
    </message>
    <message>
        <source>Output sharpening</source>
        <translation>Ausgabeschärfung</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Betrag:</translation>
    </message>
    <message>
        <source>Radi&amp;us:</source>
        <translation>Ra&amp;dius:</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>In&amp;clude:</source>
        <translation>Einschl&amp;ießen:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>Ordne&amp;r:</translation>
    </message>
    <message>
        <source>This preset has its o&amp;wn folder</source>
        <translation>Diese Vorgabe &amp;hat einen eigenen Ordner</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Insert a field at the cursor</source>
        <translation>Ein Feld an der Cursorposition einfügen</translation>
    </message>
    <message>
        <source>Fi&amp;le name:</source>
        <translation>Dateina&amp;me:</translation>
    </message>
    <message>
        <source>Fields: %1 — the format&apos;s extension is added.</source>
        <translation>Felder: %1 — die Endung des Formats wird angehängt.</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>Replace e&amp;xisting files (otherwise a number is added)</source>
        <translation>Vorhandene Dateien erset&amp;zen (sonst wird eine Nummer angehängt)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <source>Built-in preset: changes apply to this export only; Save As… keeps them as a preset of your own.</source>
        <translation>Mitgelieferte Vorgabe: Änderungen gelten nur für diesen Export; Speichern unter… behält sie als eigene Vorgabe.</translation>
    </message>
    <message>
        <source>Your preset (based on %1)</source>
        <translation>Eigene Vorgabe (basiert auf %1)</translation>
    </message>
    <message>
        <source>Options of “%1”</source>
        <translation>Optionen von „%1“</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n preset(s)</source>
        <translation>
            <numerusform>%n Vorgabe</numerusform>
            <numerusform>%n Vorgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos are selected.</source>
        <translation>Es sind keine Fotos ausgewählt.</translation>
    </message>
    <message>
        <source>Tick at least one preset to export with.</source>
        <translation>Mindestens eine Vorgabe zum Exportieren ankreuzen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Select a preset first.</source>
        <translation>Zuerst eine Vorgabe auswählen.</translation>
    </message>
    <message>
        <source>Built-in presets cannot be renamed.</source>
        <translation>Mitgelieferte Vorgaben können nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>My %1</source>
        <translation>Eigene %1</translation>
    </message>
    <message>
        <source>Save Preset</source>
        <translation>Vorgabe speichern</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Name der Vorgabe:</translation>
    </message>
    <message>
        <source>Replace Preset</source>
        <translation>Vorgabe ersetzen</translation>
    </message>
    <message>
        <source>Replace your preset “%1”?</source>
        <translation>Die eigene Vorgabe „%1“ ersetzen?</translation>
    </message>
    <message>
        <source>Rename Preset</source>
        <translation>Vorgabe umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>Vorgabe löschen</translation>
    </message>
    <message>
        <source>Delete your preset “%1”?</source>
        <translation>Die eigene Vorgabe „%1“ löschen?</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Export into %1, beside the photos</source>
        <translation>Nach %1 exportieren, neben die Fotos</translation>
    </message>
    <message>
        <source>Otherwise it writes to the export folder, which presets without a folder of their own share: the Export folder beside the photos unless you choose another.</source>
        <translation>Sonst schreibt sie in den Exportordner, den sich die Vorgaben ohne eigenen Ordner teilen: den Ordner Export neben den Fotos, sofern kein anderer gewählt wird.</translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the export (files already written stay)</source>
        <translation>Den Export anhalten (bereits geschriebene Dateien bleiben)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird exportiert…</numerusform>
            <numerusform>%n Dateien werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>%1 von %2 — %3</translation>
    </message>
    <message>
        <source>%1 of %2 — %3 (%4)</source>
        <translation>%1 von %2 — %3 (%4)</translation>
    </message>
    <message>
        <source>Cancelling export…</source>
        <translation>Export wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source> · %n more waiting</source>
        <translation>
            <numerusform> · %n weiterer wartet</numerusform>
            <numerusform> · %n weitere warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportSummaryDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Export Cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>Export Finished with Problems</source>
        <translation>Export mit Problemen abgeschlossen</translation>
    </message>
    <message>
        <source>Export Finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Written to: %1</source>
        <translation>Geschrieben nach: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>(export)</source>
        <translation>(Export)</translation>
    </message>
    <message>
        <source>These could not be exported:</source>
        <translation>Diese konnten nicht exportiert werden:</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 written.</source>
        <translation>Abgebrochen: %1 von %2 geschrieben.</translation>
    </message>
    <message>
        <source> %1 failed.</source>
        <translation> %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The file was exported in %1.</source>
        <translation>Die Datei wurde in %1 exportiert.</translation>
    </message>
    <message>
        <source>All %1 were exported in %2.</source>
        <translation>Alle %1 wurden in %2 exportiert.</translation>
    </message>
    <message>
        <source>%1 of %2 exported, %3 failed, in %4.</source>
        <translation>%1 von %2 exportiert, %3 fehlgeschlagen, in %4.</translation>
    </message>
</context>
<context>
    <name>rf::gui::HistogramWidget</name>
    <message>
        <source>Histogram of the rendered photo: red, green, blue and luminance (line)</source>
        <translation>Histogramm des entwickelten Fotos: Rot, Grün, Blau und Luminanz (Linie)</translation>
    </message>
</context>
<context>
    <name>rf::gui::ImageViewer</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>rf::gui::InfoPanel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>Brennweite</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>rf::gui::LearnLookDialog</name>
    <message>
        <source>My Look</source>
        <translation>Mein Look</translation>
    </message>
    <message>
        <source>its embedded JPEG</source>
        <translation>sein eingebettetes JPEG</translation>
    </message>
    <message>
        <source>Create Look from Example</source>
        <translation>Look aus Beispiel erstellen</translation>
    </message>
    <message>
        <source>Learn a look from the finished JPEG a camera or phone made of this photo: the difference between Rangefinder&apos;s rendering of the raw and that JPEG becomes a look you can apply to any photo. Add more pairs of the same look to teach it more colours.</source>
        <translation>Einen Look aus dem fertigen JPEG lernen, das eine Kamera oder ein Telefon aus diesem Foto gemacht hat: Der Unterschied zwischen Rangefinders Entwicklung des Raws und diesem JPEG wird zu einem Look, den Sie auf jedes Foto anwenden können. Fügen Sie weitere Paare desselben Looks hinzu, um ihm mehr Farben beizubringen.</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Finished JPEG</source>
        <translation>Fertiges JPEG</translation>
    </message>
    <message>
        <source>Choose &amp;JPEG…</source>
        <translation>&amp;JPEG wählen…</translation>
    </message>
    <message>
        <source>Use &amp;Embedded JPEG</source>
        <translation>&amp;Eingebettetes JPEG verwenden</translation>
    </message>
    <message>
        <source>The JPEG the camera stored inside the raw: its own rendering</source>
        <translation>Das JPEG, das die Kamera im Raw gespeichert hat: ihre eigene Entwicklung</translation>
    </message>
    <message>
        <source>&amp;Add Pair…</source>
        <translation>Paar &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Lernen</translation>
    </message>
    <message>
        <source>Without the look</source>
        <translation>Ohne den Look</translation>
    </message>
    <message>
        <source>With the learned look</source>
        <translation>Mit dem gelernten Look</translation>
    </message>
    <message>
        <source>Apply the look to this photo when it is saved</source>
        <translation>Den Look beim Speichern auf dieses Foto anwenden</translation>
    </message>
    <message>
        <source>&amp;Save Look</source>
        <translation>Look &amp;speichern</translation>
    </message>
    <message>
        <source>(embedded in the raw)</source>
        <translation>(im Raw eingebettet)</translation>
    </message>
    <message>
        <source>The Finished JPEG of %1</source>
        <translation>Das fertige JPEG von %1</translation>
    </message>
    <message>
        <source>JPEG pictures (*.jpg *.jpeg *.JPG *.JPEG)</source>
        <translation>JPEG-Bilder (*.jpg *.jpeg *.JPG *.JPEG)</translation>
    </message>
    <message>
        <source>Another Raw of the Same Look</source>
        <translation>Ein weiteres Raw desselben Looks</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>Lernen…</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Could not learn a look: %1</source>
        <translation>Der Look konnte nicht gelernt werden: %1</translation>
    </message>
    <message>
        <source>%1 → %2: mean colour difference (CIEDE2000) %3 with the look, %4 without; %5 colours from %6 pixels; correlation %7</source>
        <translation>%1 → %2: mittlerer Farbabstand (CIEDE2000) %3 mit dem Look, %4 ohne; %5 Farben aus %6 Pixeln; Korrelation %7</translation>
    </message>
    <message>
        <source>Replace Look?</source>
        <translation>Look ersetzen?</translation>
    </message>
    <message>
        <source>A look file %1 already exists. Replace it?</source>
        <translation>Eine Look-Datei %1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Could Not Save the Look</source>
        <translation>Look konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Create Look from &amp;Example…</source>
        <translation>Look aus Bei&amp;spiel erstellen…</translation>
    </message>
    <message>
        <source>Learn a look from the finished JPEG a camera or phone made of this photo</source>
        <translation>Einen Look aus dem fertigen JPEG lernen, das eine Kamera oder ein Telefon aus diesem Foto gemacht hat</translation>
    </message>
</context>
<context>
    <name>rf::gui::LensPanel</name>
    <message>
        <source>Lens correction</source>
        <translation>Objektivkorrektur</translation>
    </message>
    <message>
        <source>Lens from the photo</source>
        <translation>Objektiv aus dem Foto</translation>
    </message>
    <message>
        <source>Lens: %1</source>
        <translation>Objektiv: %1</translation>
    </message>
    <message>
        <source>From the photo</source>
        <translation>Aus dem Foto</translation>
    </message>
    <message>
        <source>not in the lens database</source>
        <translation>nicht in der Objektivdatenbank</translation>
    </message>
    <message>
        <source>distortion</source>
        <translation>Verzeichnung</translation>
    </message>
    <message>
        <source>chromatic aberration</source>
        <translation>chromatische Aberration</translation>
    </message>
    <message>
        <source>vignetting</source>
        <translation>Vignettierung</translation>
    </message>
    <message>
        <source>%1 on the %2</source>
        <comment>a lens on a camera</comment>
        <translation>%1 an der %2</translation>
    </message>
    <message>
        <source>Lens correction is off</source>
        <translation>Die Objektivkorrektur ist ausgeschaltet</translation>
    </message>
    <message>
        <source>The file&apos;s own lens corrections (DNG opcodes): %1</source>
        <translation>Die Objektivkorrekturen der Datei selbst (DNG-Opcodes): %1</translation>
    </message>
    <message>
        <source>%1 at %2 mm: %3</source>
        <translation>%1 bei %2 mm: %3</translation>
    </message>
    <message>
        <source>“%1” may be %2, but not certainly: not applied (pick the lens to apply it)</source>
        <translation>„%1“ könnte %2 sein, aber nicht sicher: nicht angewendet (das Objektiv auswählen, um es anzuwenden)</translation>
    </message>
    <message>
        <source>The lens database (lensfun) is not installed</source>
        <translation>Die Objektivdatenbank (lensfun) ist nicht installiert</translation>
    </message>
    <message>
        <source>No camera named “%1” in the lens database</source>
        <translation>Keine Kamera namens „%1“ in der Objektivdatenbank</translation>
    </message>
    <message>
        <source>No lens named “%1” in the lens database</source>
        <translation>Kein Objektiv namens „%1“ in der Objektivdatenbank</translation>
    </message>
    <message>
        <source>The file does not name its lens</source>
        <translation>Die Datei nennt ihr Objektiv nicht</translation>
    </message>
    <message>
        <source>No profile for the lens “%1” in the lens database</source>
        <translation>Kein Profil für das Objektiv „%1“ in der Objektivdatenbank</translation>
    </message>
    <message>
        <source>No profile for the lens “%1” on the %2 in the lens database</source>
        <translation>Kein Profil für das Objektiv „%1“ an der %2 in der Objektivdatenbank</translation>
    </message>
    <message>
        <source>%1: the file records no focal length, nothing to correct</source>
        <translation>%1: Die Datei enthält keine Brennweite, nichts zu korrigieren</translation>
    </message>
    <message>
        <source>%1: the camera&apos;s sensor size is unknown, nothing to correct</source>
        <translation>%1: Die Sensorgröße der Kamera ist unbekannt, nichts zu korrigieren</translation>
    </message>
    <message>
        <source>%1: the profile holds no correction for this shot</source>
        <translation>%1: Das Profil enthält keine Korrektur für diese Aufnahme</translation>
    </message>
</context>
<context>
    <name>rf::gui::LibraryBar</name>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Capture time</source>
        <translation>Aufnahmezeit</translation>
    </message>
    <message>
        <source>Order of the photos</source>
        <translation>Reihenfolge der Fotos</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sortieren</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Jede Bewertung</translation>
    </message>
    <message>
        <source>%1 and up</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>Show only photos rated at least this</source>
        <translation>Nur Fotos mit mindestens dieser Bewertung zeigen</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnte</translation>
    </message>
    <message>
        <source>Show rejected photos</source>
        <translation>Abgelehnte Fotos zeigen</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Jede Markierung</translation>
    </message>
    <message>
        <source>No label</source>
        <translation>Keine Markierung</translation>
    </message>
    <message>
        <source>Show only photos with this colour label</source>
        <translation>Nur Fotos mit dieser Farbmarkierung zeigen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Größe der Miniaturen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>Filter aufheben</translation>
    </message>
    <message>
        <source>Show every photo of the folder</source>
        <translation>Alle Fotos des Ordners zeigen</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>Bewertung %1</translation>
    </message>
    <message>
        <source>rating %1 and up</source>
        <translation>Bewertung ab %1</translation>
    </message>
    <message>
        <source>rejected photos off</source>
        <translation>abgelehnte Fotos ausgeblendet</translation>
    </message>
    <message>
        <source>no colour label</source>
        <translation>keine Farbmarkierung</translation>
    </message>
    <message>
        <source>%1 label</source>
        <translation>Markierung %1</translation>
    </message>
    <message>
        <source>No photo shown: the filter (%1) hides all %2.</source>
        <translation>Kein Foto sichtbar: Der Filter (%1) blendet alle %2 aus.</translation>
    </message>
    <message>
        <source>Filtered: %1 of %2 hidden (%3).</source>
        <translation>Gefiltert: %1 von %2 ausgeblendet (%3).</translation>
    </message>
</context>
<context>
    <name>rf::gui::LooksPanel</name>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the look folders again</source>
        <translation>Die Look-Ordner neu einlesen</translation>
    </message>
    <message>
        <source>Look strength %1</source>
        <translation>Look-Stärke %1</translation>
    </message>
    <message>
        <source>Reset look strength</source>
        <translation>Look-Stärke zurücksetzen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>No look: the photo as the basic panels make it</source>
        <translation>Kein Look: das Foto, wie die Grundeinstellungen es machen</translation>
    </message>
    <message>
        <source>Other looks</source>
        <translation>Weitere Looks</translation>
    </message>
    <message>
        <source>Inspired by
%1</source>
        <translation>Inspiriert von
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n look(s)</source>
        <translation>
            <numerusform>%n Look</numerusform>
            <numerusform>%n Looks</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; some files did not load</source>
        <translation>%1; einige Dateien wurden nicht geladen</translation>
    </message>
    <message>
        <source>No look</source>
        <translation>Kein Look</translation>
    </message>
    <message>
        <source>The look “%1” is not installed</source>
        <translation>Der Look „%1“ ist nicht installiert</translation>
    </message>
    <message>
        <source>Look: %1</source>
        <translation>Look: %1</translation>
    </message>
    <message>
        <source>Export .cube…</source>
        <translation>.cube exportieren…</translation>
    </message>
    <message>
        <source>Bake a look&apos;s colour into a 3D LUT (.cube) for another tool</source>
        <translation>Die Farbe eines Looks als 3D-LUT (.cube) für ein anderes Programm speichern</translation>
    </message>
    <message>
        <source>No looks are installed</source>
        <translation>Keine Looks installiert</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>rf::gui::MainWindow</name>
    <message>
        <source>Loading %1 of %2</source>
        <translation>Lade %1 von %2</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Refresh Folder</source>
        <translation>Ordner &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Select the photos to export first</source>
        <translation>Zuerst die zu exportierenden Fotos auswählen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Ei&amp;nstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles a&amp;uswählen</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>Auswahl auf&amp;heben</translation>
    </message>
    <message>
        <source>Sort by File &amp;Name</source>
        <translation>Nach &amp;Dateiname sortieren</translation>
    </message>
    <message>
        <source>Sort by &amp;Capture Time</source>
        <translation>Nach &amp;Aufnahmezeit sortieren</translation>
    </message>
    <message>
        <source>&amp;Larger Thumbnails</source>
        <translation>G&amp;rößere Miniaturen</translation>
    </message>
    <message>
        <source>&amp;Smaller Thumbnails</source>
        <translation>&amp;Kleinere Miniaturen</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothek</translation>
    </message>
    <message>
        <source>The thumbnail grid</source>
        <translation>Das Miniaturenraster</translation>
    </message>
    <message>
        <source>&amp;Develop</source>
        <translation>&amp;Entwickeln</translation>
    </message>
    <message>
        <source>Edit the current photo (also Enter or a double-click)</source>
        <translation>Das aktuelle Foto bearbeiten (auch Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>Apply &amp;Look to Selected…</source>
        <translation>&amp;Look auf Auswahl anwenden…</translation>
    </message>
    <message>
        <source>Give every selected photo the same look</source>
        <translation>Allen ausgewählten Fotos denselben Look geben</translation>
    </message>
    <message>
        <source>&amp;Paste Edits to Selected</source>
        <translation>Bearbeitungen auf Auswahl &amp;einfügen</translation>
    </message>
    <message>
        <source>Paste the edits copied in Develop, except white balance and crop</source>
        <translation>Die im Entwickeln-Modus kopierten Bearbeitungen außer Weißabgleich und Ausschnitt einfügen</translation>
    </message>
    <message>
        <source>Paste &amp;Selected Edits to Selected…</source>
        <translation>&amp;Teilweise auf Auswahl einfügen…</translation>
    </message>
    <message>
        <source>&amp;Previous Photo</source>
        <translation>&amp;Vorheriges Foto</translation>
    </message>
    <message>
        <source>&amp;Next Photo</source>
        <translation>&amp;Nächstes Foto</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastaturkürzel</translation>
    </message>
    <message>
        <source>&amp;About Rangefinder</source>
        <translation>Über &amp;Rangefinder</translation>
    </message>
    <message>
        <source>About Rangefinder</source>
        <translation>Über Rangefinder</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rangefinder %1&lt;/h3&gt;&lt;p&gt;A raw photo editor.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rangefinder %1&lt;/h3&gt;&lt;p&gt;Ein Editor für Raw-Fotos.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation>&amp;Foto</translation>
    </message>
    <message>
        <source>&amp;Rating</source>
        <translation>&amp;Bewertung</translation>
    </message>
    <message>
        <source>Colour &amp;Label</source>
        <translation>&amp;Farbmarkierung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>Export Running</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>An export is still running. Stop it and quit?</source>
        <translation>Ein Export läuft noch. Anhalten und beenden?</translation>
    </message>
    <message>
        <source>Edits Not Saved</source>
        <translation>Bearbeitungen nicht gespeichert</translation>
    </message>
    <message>
        <source>The edits of %1 could not be saved to its sidecar. Quit anyway and lose them?</source>
        <translation>Die Bearbeitungen von %1 konnten nicht in seiner Filialdatei gespeichert werden. Trotzdem beenden und sie verlieren?</translation>
    </message>
    <message>
        <source>%1 is not a folder or a raw file</source>
        <translation>%1 ist weder ein Ordner noch eine Raw-Datei</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>%1 — Rangefinder</source>
        <translation>%1 — Rangefinder</translation>
    </message>
    <message>
        <source>Select a photo to develop</source>
        <translation>Ein Foto zum Entwickeln auswählen</translation>
    </message>
    <message>
        <source>Select the photos first</source>
        <translation>Zuerst die Fotos auswählen</translation>
    </message>
    <message>
        <source>None (remove the look)</source>
        <translation>Keiner (Look entfernen)</translation>
    </message>
    <message>
        <source>Apply Look</source>
        <translation>Look anwenden</translation>
    </message>
    <message>
        <source>Look for %1:</source>
        <translation>Look für %1:</translation>
    </message>
    <message>
        <source>Copy a photo&apos;s edits in Develop first (Ctrl+C)</source>
        <translation>Zuerst im Entwickeln-Modus die Bearbeitungen eines Fotos kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>No folder open</source>
        <translation>Kein Ordner geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (und %n weiteres)</numerusform>
            <numerusform>%1 (und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Library grid and filmstrip</source>
        <translation>Bibliotheksraster und Filmstreifen</translation>
    </message>
    <message>
        <source>Select a photo</source>
        <translation>Ein Foto auswählen</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>Add to or take from the selection</source>
        <translation>Zur Auswahl hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <source>Ctrl+Click</source>
        <translation>Strg+Klick</translation>
    </message>
    <message>
        <source>Select a range</source>
        <translation>Einen Bereich auswählen</translation>
    </message>
    <message>
        <source>Shift+Click, Shift+Arrow keys</source>
        <translation>Umschalt+Klick, Umschalt+Pfeiltasten</translation>
    </message>
    <message>
        <source>Select with a rectangle</source>
        <translation>Mit einem Rechteck auswählen</translation>
    </message>
    <message>
        <source>Drag in the grid</source>
        <translation>Im Raster ziehen</translation>
    </message>
    <message>
        <source>Move between photos</source>
        <translation>Zwischen Fotos wechseln</translation>
    </message>
    <message>
        <source>Arrow keys, Home, End, Page Up, Page Down</source>
        <translation>Pfeiltasten, Pos1, Ende, Bild auf, Bild ab</translation>
    </message>
    <message>
        <source>Open the current photo in Develop</source>
        <translation>Das aktuelle Foto im Entwickeln-Modus öffnen</translation>
    </message>
    <message>
        <source>Enter, Double-click</source>
        <translation>Eingabetaste, Doppelklick</translation>
    </message>
    <message>
        <source>Open a folder or raw file</source>
        <translation>Einen Ordner oder eine Raw-Datei öffnen</translation>
    </message>
    <message>
        <source>Drop it on the window</source>
        <translation>Auf das Fenster ziehen</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the selected photos as JPEG, TIFF, PNG, WebP, AVIF or JPEG XL</source>
        <translation>Die ausgewählten Fotos als JPEG, TIFF, PNG, WebP, AVIF oder JPEG XL exportieren</translation>
    </message>
</context>
<context>
    <name>rf::gui::PanelSection</name>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset this panel</source>
        <translation>Dieses Bedienfeld zurücksetzen</translation>
    </message>
</context>
<context>
    <name>rf::gui::ParamSlider</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Double-click to reset</source>
        <translation>Doppelklick zum Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>rf::gui::PasteDialog</name>
    <message>
        <source>Look (look, strength, vignette, grain)</source>
        <translation>Look (Look, Stärke, Vignette, Körnung)</translation>
    </message>
    <message>
        <source>Tone (exposure, contrast, highlights, shadows…)</source>
        <translation>Ton (Belichtung, Kontrast, Lichter, Tiefen…)</translation>
    </message>
    <message>
        <source>Colour (saturation, vibrance)</source>
        <translation>Farbe (Sättigung, Dynamik)</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>Weißabgleich</translation>
    </message>
    <message>
        <source>Crop, straighten and rotation</source>
        <translation>Ausschnitt, Ausrichten und Drehung</translation>
    </message>
    <message>
        <source>Detail (demosaic)</source>
        <translation>Details (Demosaicing)</translation>
    </message>
    <message>
        <source>Paste Edits</source>
        <translation>Bearbeitungen einfügen</translation>
    </message>
    <message>
        <source>Paste these parts of the copied edits:</source>
        <translation>Diese Teile der kopierten Bearbeitungen einfügen:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoCommands</name>
    <message>
        <source>No Stars</source>
        <translation>Keine Sterne</translation>
    </message>
    <message numerus="yes">
        <source>%n Star(s)</source>
        <translation>
            <numerusform>%n Stern</numerusform>
            <numerusform>%n Sterne</numerusform>
        </translation>
    </message>
    <message>
        <source>Rate the selected photos</source>
        <translation>Die ausgewählten Fotos bewerten</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Mark the selected photos as rejected, or take the mark away</source>
        <translation>Die ausgewählten Fotos als abgelehnt markieren oder die Markierung entfernen</translation>
    </message>
    <message>
        <source>%1 Label</source>
        <translation>Farbmarkierung %1</translation>
    </message>
    <message>
        <source>Give the selected photos this colour label, or take it away</source>
        <translation>Den ausgewählten Fotos diese Farbmarkierung geben oder sie entfernen</translation>
    </message>
    <message>
        <source>No Label</source>
        <translation>Keine Markierung</translation>
    </message>
    <message>
        <source>Select a photo first</source>
        <translation>Zuerst ein Foto auswählen</translation>
    </message>
    <message numerus="yes">
        <source>Label removed from %n photo(s)</source>
        <translation>
            <numerusform>Markierung von %n Foto entfernt</numerusform>
            <numerusform>Markierung von %n Fotos entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) rated %1</source>
        <translation>
            <numerusform>%n Foto mit %1 bewertet</numerusform>
            <numerusform>%n Fotos mit %1 bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) no longer rejected</source>
        <translation>
            <numerusform>%n Foto nicht mehr abgelehnt</numerusform>
            <numerusform>%n Fotos nicht mehr abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) rejected</source>
        <translation>
            <numerusform>%n Foto abgelehnt</numerusform>
            <numerusform>%n Fotos abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) labelled %1</source>
        <translation>
            <numerusform>%n Foto mit %1 markiert</numerusform>
            <numerusform>%n Fotos mit %1 markiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoLibraryModel</name>
    <message>
        <source>%1 (moved aside to %2; a new sidecar was started)</source>
        <translation>%1 (nach %2 verschoben; eine neue Filialdatei wurde angelegt)</translation>
    </message>
    <message>
        <source>The edits could not be shown: %1</source>
        <translation>Die Bearbeitungen konnten nicht angezeigt werden: %1</translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoSession</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeitung</translation>
    </message>
</context>
<context>
    <name>rf::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>sRGB (the usual assumption for an unprofiled monitor)</source>
        <translation>sRGB (die übliche Annahme für einen Monitor ohne Profil)</translation>
    </message>
    <message>
        <source>The monitor&apos;s ICC profile:</source>
        <translation>Das ICC-Profil des Monitors:</translation>
    </message>
    <message>
        <source>/usr/share/color/icc/…</source>
        <translation>/usr/share/color/icc/…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Monitor ICC Profile</source>
        <translation>ICC-Profil des Monitors</translation>
    </message>
    <message>
        <source>ICC profiles (*.icc *.icm);;All files (*)</source>
        <translation>ICC-Profile (*.icc *.icm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an ICC profile</source>
        <translation>%1 ist kein ICC-Profil</translation>
    </message>
    <message>
        <source>%1 is not an RGB profile</source>
        <translation>%1 ist kein RGB-Profil</translation>
    </message>
    <message>
        <source>%1 is not a display profile (it describes a printer, scanner or colour space); choose the profile made for your monitor</source>
        <translation>%1 ist kein Bildschirmprofil (es beschreibt einen Drucker, Scanner oder Farbraum); das für den eigenen Monitor erstellte Profil wählen</translation>
    </message>
    <message>
        <source>Photos are shown as sRGB.</source>
        <translation>Fotos werden als sRGB angezeigt.</translation>
    </message>
    <message>
        <source>Choose the profile your calibration tool made.</source>
        <translation>Das Profil wählen, das das Kalibrierungswerkzeug erstellt hat.</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
</context>
<context>
    <name>rf::gui::RenderController</name>
    <message>
        <source>This raw file holds no JPEG from the camera to compare with</source>
        <translation>Diese Raw-Datei enthält kein JPEG der Kamera zum Vergleichen</translation>
    </message>
    <message>
        <source>The camera&apos;s JPEG in this raw file is a %1×%2 thumbnail, too small to compare with</source>
        <translation>Das JPEG der Kamera in dieser Raw-Datei ist ein Vorschaubild von %1×%2, zu klein zum Vergleichen</translation>
    </message>
</context>
<context>
    <name>rf::gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastaturkürzel</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
</TS>
