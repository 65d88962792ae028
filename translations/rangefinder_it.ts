<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>ColorLabel</name>
    <message>
        <source>Red</source>
        <translation>Rosso</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Giallo</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blu</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Viola</translation>
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
        <translation>Dimensioni originali</translation>
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
        <translation>Formato</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Formato del file</translation>
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
        <translation>16 bit per canale, salvo richiesta diversa</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualità</translation>
    </message>
    <message>
        <source>Chroma</source>
        <translation>Crominanza</translation>
    </message>
    <message>
        <source>4:4:4 (full colour detail)</source>
        <translation>4:4:4 (tutto il dettaglio del colore)</translation>
    </message>
    <message>
        <source>4:2:2</source>
        <translation>4:2:2</translation>
    </message>
    <message>
        <source>4:2:0 (smallest files)</source>
        <translation>4:2:0 (file più piccoli)</translation>
    </message>
    <message>
        <source>Progressive JPEG</source>
        <translation>JPEG progressivo</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>Profondità di bit</translation>
    </message>
    <message>
        <source>8 bits per channel</source>
        <translation>8 bit per canale</translation>
    </message>
    <message>
        <source>16 bits per channel</source>
        <translation>16 bit per canale</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensioni</translation>
    </message>
    <message>
        <source>2048, long:2048, short:1080, 1920x1080 (fit), 12mp, original</source>
        <translation>2048, long:2048, short:1080, 1920x1080 (adatta), 12mp, original</translation>
    </message>
    <message>
        <source>Original size</source>
        <translation>Dimensioni originali</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>Lato lungo</translation>
    </message>
    <message>
        <source>Short edge</source>
        <translation>Lato corto</translation>
    </message>
    <message>
        <source>Fit in a box</source>
        <translation>Adatta a un riquadro</translation>
    </message>
    <message>
        <source>Megapixels</source>
        <translation>Megapixel</translation>
    </message>
    <message>
        <source>Enlarge small photos</source>
        <translation>Ingrandisci le foto piccole</translation>
    </message>
    <message>
        <source>Enlarge a photo smaller than the size asked for (otherwise it keeps its own size)</source>
        <translation>Ingrandisce una foto più piccola delle dimensioni richieste (altrimenti conserva le sue)</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Spazio colore</translation>
    </message>
    <message>
        <source>Output colour space</source>
        <translation>Spazio colore di uscita</translation>
    </message>
    <message>
        <source>sRGB (web, most screens)</source>
        <translation>sRGB (web, la maggior parte degli schermi)</translation>
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
        <translation>Intento</translation>
    </message>
    <message>
        <source>Rendering intent into the output colour space</source>
        <translation>Intento di rendering verso lo spazio colore di uscita</translation>
    </message>
    <message>
        <source>Perceptual</source>
        <translation>Percettivo</translation>
    </message>
    <message>
        <source>Relative colorimetric</source>
        <translation>Colorimetrico relativo</translation>
    </message>
    <message>
        <source>Sharpening amount</source>
        <translation>Fattore di nitidezza</translation>
    </message>
    <message>
        <source>Output sharpening amount (0 = off, 1 = 100%)</source>
        <translation>Fattore di nitidezza in uscita (0 = disattivata, 1 = 100%)</translation>
    </message>
    <message>
        <source>Sharpening radius</source>
        <translation>Raggio di nitidezza</translation>
    </message>
    <message>
        <source>Sharpening radius in pixels</source>
        <translation>Raggio della nitidezza in pixel</translation>
    </message>
    <message>
        <source>Sharpening threshold</source>
        <translation>Soglia di nitidezza</translation>
    </message>
    <message>
        <source>Luminance differences below this are not sharpened (0 … 1)</source>
        <translation>Le differenze di luminanza sotto questa soglia non vengono rese più nitide (0 … 1)</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadati</translation>
    </message>
    <message>
        <source>Metadata carried</source>
        <translation>Metadati da includere</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Camera, exposure, date, GPS, rating, keywords…</source>
        <translation>Fotocamera, esposizione, data, GPS, valutazione, parole chiave…</translation>
    </message>
    <message>
        <source>All but location</source>
        <translation>Tutti tranne la posizione</translation>
    </message>
    <message>
        <source>As All, without GPS or any place name</source>
        <translation>Come Tutti, senza GPS né nomi di luoghi</translation>
    </message>
    <message>
        <source>Copyright and contact only</source>
        <translation>Solo copyright e contatti</translation>
    </message>
    <message>
        <source>Creator, copyright and contact: no camera, date or place</source>
        <translation>Autore, copyright e contatti: niente fotocamera, data o luogo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>Nothing but the colour profile</source>
        <translation>Solo il profilo colore</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Autore</translation>
    </message>
    <message>
        <source>Artist written into the exported files</source>
        <translation>Autore scritto nei file esportati</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <source>Copyright written into the exported files</source>
        <translation>Copyright scritto nei file esportati</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>Output folder (created if missing)</source>
        <translation>Cartella di destinazione (creata se manca)</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nome del file</translation>
    </message>
    <message>
        <source>Output name: {name} {ext} {camera} {date} {seq} {look}</source>
        <translation>Nome di uscita: {name} {ext} {camera} {date} {seq} {look}</translation>
    </message>
    <message>
        <source>Replace existing files</source>
        <translation>Sostituisci i file esistenti</translation>
    </message>
    <message>
        <source>Replace existing outputs (otherwise a numbered name is chosen)</source>
        <translation>Sostituisce i file esistenti (altrimenti sceglie un nome numerato)</translation>
    </message>
    <message>
        <source>WebP</source>
        <translation>WebP</translation>
    </message>
    <message>
        <source>8 bits, 4:2:0; smaller than JPEG</source>
        <translation>8 bit, 4:2:0; più piccolo del JPEG</translation>
    </message>
    <message>
        <source>AVIF</source>
        <translation>AVIF</translation>
    </message>
    <message>
        <source>8, 10 or 12 bits; much smaller than JPEG, slower to write</source>
        <translation>8, 10 o 12 bit; molto più piccolo del JPEG, più lento da scrivere</translation>
    </message>
    <message>
        <source>JPEG XL</source>
        <translation>JPEG XL</translation>
    </message>
    <message>
        <source>8 to 16 bits; much smaller than JPEG</source>
        <translation>da 8 a 16 bit; molto più piccolo del JPEG</translation>
    </message>
    <message>
        <source>Quality on JPEG&apos;s scale, for every lossy format alike: 85 suits the web, 92 and above keeps fine detail</source>
        <translation>Qualità sulla scala del JPEG, uguale per ogni formato con perdita: 85 va bene per il web, da 92 in su conserva i dettagli fini</translation>
    </message>
    <message>
        <source>JPEG and AVIF chroma subsampling</source>
        <translation>Sottocampionamento della crominanza di JPEG e AVIF</translation>
    </message>
    <message>
        <source>Bits per channel: PNG/TIFF 8 or 16, AVIF 8, 10 or 12, JPEG XL 8 to 16</source>
        <translation>Bit per canale: PNG/TIFF 8 o 16, AVIF 8, 10 o 12, JPEG XL da 8 a 16</translation>
    </message>
    <message>
        <source>10 bits per channel</source>
        <translation>10 bit per canale</translation>
    </message>
    <message>
        <source>AVIF, JPEG XL</source>
        <translation>AVIF, JPEG XL</translation>
    </message>
    <message>
        <source>12 bits per channel</source>
        <translation>12 bit per canale</translation>
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
        <translation>Colore fedele e misurato, con pelle naturale e contrasto delicato.

Un colore tenuto vicino a ciò che stava davanti all’obiettivo più che a ciò che piace al
primo sguardo: la saturazione riportata dall’aumento predefinito verso quella della scena,
gli incarnati sulla loro tonalità, i verdi del fogliame e gli azzurri del cielo non spinti,
una curva dei mezzitoni un po’ più delicata di quella predefinita con ombre aperte e una
spalla morbida nelle alte luci. Niente vignettatura, niente grana.

Ricavato dalle descrizioni di OnePlus della sua &quot;Natural Colour Calibration with Hasselblad&quot;
(serie OnePlus 9, 2021) e della &quot;Hasselblad Natural Colour Solution&quot; dei telefoni
successivi, dalla descrizione della stessa Hasselblad di HNCS come scienza del colore delle
sue fotocamere dei sistemi X e H (un unico profilo colore che punta a colori e pelle fedeli
e naturali), e dalle recensioni pubblicate di quei telefoni, che ne descrivono la resa come
più accurata e meno satura della solita foto da telefono.

Ispirato alla resa &quot;Hasselblad Natural Colour Solution&quot;; Rangefinder non è affiliato a
Victor Hasselblad AB o OnePlus, né approvato o sponsorizzato da esse.</translation>
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
        <translation>Il panorama 65:24 della XPan, a colori con il contrasto della pellicola.

L’ampio fotogramma 65:24 della fotocamera panoramica a pellicola di Hasselblad (il fotografo
può comunque spostare o cambiare il ritaglio), una curva a S da pellicola con mezzitoni più
decisi, ombre profonde ma non chiuse e una spalla morbida nelle alte luci, un colore caldo e
leggermente contenuto, una lieve caduta di luce verso gli angoli come di un obiettivo e una
grana fine.

Ricavato dalle descrizioni di OnePlus della modalità XPan dei suoi telefoni a partire dalla
serie OnePlus 9 (2021), dalle descrizioni di Hasselblad della XPan (1998, costruita con
Fujifilm, che la vendeva come TX-1), il cui fotogramma di 24 × 65 mm copre quasi due
fotogrammi di pellicola 35 mm, e dalle recensioni pubblicate della modalità XPan.

Ispirato alla Hasselblad XPan; Rangefinder non è affiliato a Victor Hasselblad AB, OnePlus o
Fujifilm, né approvato o sponsorizzato da esse.</translation>
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
        <translation>Il panorama 65:24 della XPan, in bianco e nero con il contrasto della pellicola.

L’ampio fotogramma 65:24 della fotocamera panoramica a pellicola di Hasselblad (il fotografo
può comunque spostare o cambiare il ritaglio), una miscela pancromatica in bianco e nero con
un tocco di filtro giallo (cieli un po’ più scuri), una curva a S da pellicola con mezzitoni
decisi, neri profondi e una spalla morbida nelle alte luci, una lieve caduta di luce verso
gli angoli e una grana visibile.

Ricavato dalle descrizioni di OnePlus della modalità XPan in bianco e nero dei suoi telefoni
a partire dalla serie OnePlus 9 (2021), dalle descrizioni di Hasselblad della XPan (1998,
costruita con Fujifilm, che la vendeva come TX-1) e dalle recensioni pubblicate della
modalità XPan.

Ispirato alla Hasselblad XPan; Rangefinder non è affiliato a Victor Hasselblad AB, OnePlus o
Fujifilm, né approvato o sponsorizzato da esse.</translation>
    </message>
    <message>
        <source>Natural colour with a firm, film-like tone curve.

Mid-tone contrast about 40 % steeper than the default rendering, deeper shadows, a firm
highlight shoulder that never clips white, saturation close to the default, neutral greys
kept neutral, a visible lens-like fall-off towards the corners (about half a stop) and a
little fine grain.

Inspired by the &quot;Leica Authentic&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Colore naturale con una curva tonale decisa, da pellicola.

Contrasto dei mezzitoni circa il 40 % più ripido della resa predefinita, ombre più profonde,
una spalla decisa nelle alte luci che non brucia mai il bianco, saturazione vicina a quella
predefinita, grigi neutri che restano neutri, una caduta di luce visibile verso gli angoli
come di un obiettivo (circa mezzo stop) e un po’ di grana fine.

Ispirato alla resa &quot;Leica Authentic&quot;; Rangefinder non è affiliato a Leica Camera AG, né
approvato o sponsorizzato da essa.</translation>
    </message>
    <message>
        <source>Cool-toned black and white, like a selenium- or cyanotype-toned print.

The natural monochrome mix with a cool blue tint in the shadows and mid-tones, clean
highlights, a little extra contrast and fine grain.

Inspired by the &quot;Leica Blue&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Bianco e nero dai toni freddi, come una stampa virata al selenio o alla cianotipia.

La miscela monocromatica naturale con una fredda tinta blu nelle ombre e nei mezzitoni, alte
luci pulite, un po’ di contrasto in più e grana fine.

Ispirato alla resa &quot;Leica Blue&quot;; Rangefinder non è affiliato a Leica Camera AG, né approvato
o sponsorizzato da essa.</translation>
    </message>
    <message>
        <source>Natural black and white.

A panchromatic channel mix, the full tonal range from deep black to clean white, a touch
more mid-tone contrast than the colour default, a light vignette and fine grain.

Inspired by the &quot;Leica Monochrome&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Bianco e nero naturale.

Una miscela pancromatica dei canali, l’intera gamma tonale dal nero profondo al bianco
pulito, un tocco di contrasto dei mezzitoni in più rispetto alla resa a colori predefinita,
una leggera vignettatura e grana fine.

Ispirato alla resa &quot;Leica Monochrome&quot;; Rangefinder non è affiliato a Leica Camera AG, né
approvato o sponsorizzato da essa.</translation>
    </message>
    <message>
        <source>Hard, graphic black and white.

A steep tone curve (half again the default&apos;s mid-tone contrast), deep blacks, a mix that
favours red over blue like a yellow-orange filter (darker skies, lighter skin), a vignette
and stronger grain.

Inspired by the &quot;Leica Monochrome High Contrast&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Bianco e nero duro e grafico.

Una curva tonale ripida (una volta e mezza il contrasto dei mezzitoni predefinito), neri
profondi, una miscela che privilegia il rosso sul blu come un filtro giallo-arancio (cieli
più scuri, pelle più chiara), una vignettatura e una grana più marcata.

Ispirato alla resa &quot;Leica Monochrome High Contrast&quot;; Rangefinder non è affiliato a Leica
Camera AG, né approvato o sponsorizzato da essa.</translation>
    </message>
    <message>
        <source>Gentle, low-contrast colour for skin and soft light.

A flatter tone curve with open shadows, saturation a little below the default, no
vignette and no grain: a quiet starting point for portraits and for further editing.

Inspired by the &quot;Leica Natural&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Colore delicato e poco contrastato, per la pelle e la luce morbida.

Una curva tonale più piatta con ombre aperte, saturazione un po’ sotto quella predefinita,
niente vignettatura e niente grana: un punto di partenza tranquillo per i ritratti e per
ulteriori modifiche.

Ispirato alla resa &quot;Leica Natural&quot;; Rangefinder non è affiliato a Leica Camera AG, né
approvato o sponsorizzato da essa.</translation>
    </message>
    <message>
        <source>Warm-toned black and white, like a sepia-toned print.

The natural monochrome mix with a warm brown tint through the shadows and mid-tones and a
paler cream in the highlights, a gentle curve and fine grain.

Inspired by the &quot;Leica Sepia&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Bianco e nero dai toni caldi, come una stampa virata seppia.

La miscela monocromatica naturale con una calda tinta marrone nelle ombre e nei mezzitoni e
un color crema più chiaro nelle alte luci, una curva delicata e grana fine.

Ispirato alla resa &quot;Leica Sepia&quot;; Rangefinder non è affiliato a Leica Camera AG, né
approvato o sponsorizzato da essa.</translation>
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
        <translation>Contrasto morbido e colore più pacato, per i ritratti.

Una curva tonale più piatta con ombre aperte e una spalla delicata nelle alte luci,
saturazione nettamente sotto quella predefinita, pelle sulla sua tonalità e morbida nei
toni; niente vignettatura, niente grana.

Ricavato dalle descrizioni di Huawei dell’impostazione &quot;Leica colours&quot; dei suoi telefoni
della serie P a marchio Leica (dal P9 del 2016 al P40 del 2020) e della sua modalità
&quot;Smooth&quot;, e dalle recensioni pubblicate di quei telefoni, che la descrivono come la modalità
più morbida e meno satura, adatta ai ritratti.

Ispirato alla modalità colore &quot;Leica Smooth&quot;; Rangefinder non è affiliato a Leica Camera AG
o Huawei, né approvato o sponsorizzato da esse.</translation>
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
        <translation>Colore equilibrato e fedele: l’impostazione di tutti i giorni.

Saturazione un po’ sotto quella predefinita, verso quella della scena, una curva dei
mezzitoni vicina a quella predefinita, grigi neutri e pelle sulla sua tonalità; niente
vignettatura, niente grana.

Ricavato dalle descrizioni di Huawei dell’impostazione &quot;Leica colours&quot; dei suoi telefoni
della serie P a marchio Leica (dal P9 del 2016 al P40 del 2020, e i telefoni Mate di quegli
anni) e della sua modalità &quot;Standard&quot;, e dalle recensioni pubblicate di quei telefoni. È la
modalità dell’epoca Huawei, non uno dei look Leica dei telefoni successivi.

Ispirato alla modalità colore &quot;Leica Standard&quot;; Rangefinder non è affiliato a Leica Camera
AG o Huawei, né approvato o sponsorizzato da esse.</translation>
    </message>
    <message>
        <source>Bright, saturated and punchy colour.

Brighter mid-tones, shadows lifted rather than crushed, colours about a third more
saturated (muted colours gain most), skin tones kept on their hue, and no vignette.

Inspired by the &quot;Leica Vibrant&quot; rendering; Rangefinder is not
affiliated with, endorsed by or sponsored by Leica Camera AG.</source>
        <translation>Colore luminoso, saturo e incisivo.

Mezzitoni più luminosi, ombre sollevate anziché chiuse, colori circa un terzo più saturi (i
colori tenui guadagnano di più), incarnati sulla loro tonalità e niente vignettatura.

Ispirato alla resa &quot;Leica Vibrant&quot;; Rangefinder non è affiliato a Leica Camera AG, né
approvato o sponsorizzato da essa.</translation>
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
        <translation>Colore saturo e contrastato.

Colori circa un quinto più saturi di quelli predefiniti, una curva dei mezzitoni più ripida
con ombre più profonde e una spalla decisa nelle alte luci, pelle sulla sua tonalità e
niente vignettatura.

È la modalità colore &quot;Leica Vivid&quot; dell’epoca Huawei, non il &quot;Leica Vibrant&quot; di Rangefinder
(il look Leica successivo, più luminoso, con ombre sollevate). Ricavato dalle descrizioni di
Huawei dell’impostazione &quot;Leica colours&quot; dei suoi telefoni della serie P a marchio Leica
(dal P9 del 2016 al P40 del 2020) e della sua modalità &quot;Vivid&quot;, e dalle recensioni
pubblicate di quei telefoni, che la descrivono come più incisiva e più satura di &quot;Standard&quot;.

Ispirato alla modalità colore &quot;Leica Vivid&quot;; Rangefinder non è affiliato a Leica Camera AG o
Huawei, né approvato o sponsorizzato da esse.</translation>
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
        <translation>Colore neutro e ad alta fedeltà, con uno stacco tonale nitido e pulito.

Saturazione riportata verso quella della scena, tonalità e pelle lasciate dove erano, grigi
neutri e una curva dei mezzitoni un tocco più decisa di quella predefinita con neri puliti,
per l’aspetto nitido di un obiettivo ben corretto. Un look cambia solo tono e colore; il
dettaglio fine è quello dell’obiettivo e della nitidezza. Niente vignettatura, niente grana.

Ricavato dalle descrizioni di vivo di &quot;ZEISS Natural Color&quot; (serie vivo X60 e X70, 2021, e i
telefoni della serie X successivi), che vivo e ZEISS presentano come una riproduzione del
colore fedele quanto quella degli obiettivi ZEISS, e dalle recensioni pubblicate di quei
telefoni, che descrivono la modalità come più fedele e meno satura della resa standard
&quot;vivid&quot; di vivo.

Ispirato alla resa &quot;ZEISS Natural Color&quot;; Rangefinder non è affiliato a Carl Zeiss AG o
vivo, né approvato o sponsorizzato da esse.</translation>
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
        <translation>Colore saturo, luminoso e incisivo.

Colori circa il 20–35 % più saturi di quelli predefiniti (i colori tenui guadagnano di più),
mezzitoni più luminosi, un po’ più di contrasto, neri puliti, pelle sulla sua tonalità e
niente vignettatura.

Ricavato dalle descrizioni di vivo della resa dai colori vividi che i suoi telefoni della
serie X con ottiche ZEISS offrono accanto a &quot;ZEISS Natural Color&quot; (serie vivo X60 e X70,
2021, e successive), e dalle recensioni pubblicate di quei telefoni, che la descrivono come
la più luminosa, più satura e più immediatamente gradevole delle due.

Ispirato alla resa vivida dei telefoni ZEISS di vivo; Rangefinder non è affiliato a Carl
Zeiss AG o vivo, né approvato o sponsorizzato da esse.</translation>
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
        <translation>Veloce</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>Alta qualità</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Taglia</translation>
    </message>
    <message>
        <source>Reconstruct</source>
        <translation>Ricostruisci</translation>
    </message>
    <message>
        <source>As shot</source>
        <translation>Come scattato</translation>
    </message>
    <message>
        <source>Daylight</source>
        <translation>Luce diurna</translation>
    </message>
    <message>
        <source>Cloudy</source>
        <translation>Nuvoloso</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Ombra</translation>
    </message>
    <message>
        <source>Tungsten</source>
        <translation>Tungsteno</translation>
    </message>
    <message>
        <source>Fluorescent</source>
        <translation>Fluorescente</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizzato</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineare</translation>
    </message>
    <message>
        <source>Legacy</source>
        <translation>Standard precedente</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libero</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Originale</translation>
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
        <translation>auto: superpixel 2×2 quando l’uscita è al massimo metà del sensore, altrimenti alta qualità</translation>
    </message>
    <message>
        <source>how clipped sensor channels are repaired</source>
        <translation>come vengono riparati i canali del sensore saturati</translation>
    </message>
    <message>
        <source>as_shot: the camera&apos;s (auto when it recorded none); auto: estimated from the image; custom uses wb.temperature and wb.tint</source>
        <translation>come scattato: quello della fotocamera (automatico se non ne ha registrato uno); auto: stimato dall’immagine; personalizzato usa temperatura e tinta</translation>
    </message>
    <message>
        <source>correlated colour temperature of the light (custom white balance)</source>
        <translation>temperatura di colore correlata della luce (bilanciamento del bianco personalizzato)</translation>
    </message>
    <message>
        <source>+ magenta, − green (custom white balance)</source>
        <translation>+ magenta, − verde (bilanciamento del bianco personalizzato)</translation>
    </message>
    <message>
        <source>exposure compensation</source>
        <translation>compensazione dell’esposizione</translation>
    </message>
    <message>
        <source>set exposure, highlights, shadows, whites and blacks from the image when the file is exported (the values are written in place of this flag)</source>
        <translation>imposta esposizione, alte luci, ombre, bianchi e neri dall’immagine al momento dell’esportazione (i valori vengono scritti al posto di questa opzione)</translation>
    </message>
    <message>
        <source>standard: camera-like rendering with a soft highlight roll-off; linear: none; legacy: the standard curve of releases before December 2026, kept for photos edited then</source>
        <translation>standard: resa simile a quella della fotocamera, con alte luci che sfumano dolcemente; lineare: nessuna curva; standard precedente: la curva standard delle versioni anteriori a dicembre 2026, conservata per le foto modificate allora</translation>
    </message>
    <message>
        <source>mid-tone contrast</source>
        <translation>contrasto dei mezzitoni</translation>
    </message>
    <message>
        <source>− recovers bright areas, + brightens them</source>
        <translation>− recupera le zone chiare, + le schiarisce</translation>
    </message>
    <message>
        <source>+ opens dark areas, − deepens them</source>
        <translation>+ apre le zone scure, − le scurisce</translation>
    </message>
    <message>
        <source>sets the white point</source>
        <translation>imposta il punto di bianco</translation>
    </message>
    <message>
        <source>sets the black point</source>
        <translation>imposta il punto di nero</translation>
    </message>
    <message>
        <source>−100 gives black and white</source>
        <translation>−100 dà il bianco e nero</translation>
    </message>
    <message>
        <source>saturation that spares already saturated colours</source>
        <translation>saturazione che risparmia i colori già saturi</translation>
    </message>
    <message>
        <source>straightens the lines the lens bends, from its profile; the frame is scaled so no empty border shows</source>
        <translation>raddrizza le linee che l’obiettivo curva, secondo il suo profilo; l’inquadratura viene scalata perché non compaiano bordi vuoti</translation>
    </message>
    <message>
        <source>aligns the red and blue images with the green one (colour fringes towards the corners), from the lens&apos;s profile</source>
        <translation>allinea le immagini rossa e blu a quella verde (frange colorate verso gli angoli), secondo il profilo dell’obiettivo</translation>
    </message>
    <message>
        <source>brightens the corners the lens darkens, from its profile at the shot&apos;s focal length and aperture</source>
        <translation>schiarisce gli angoli che l’obiettivo scurisce, secondo il suo profilo alla lunghezza focale e al diaframma dello scatto</translation>
    </message>
    <message>
        <source>the camera&apos;s name in the lens database; empty: the camera the file names</source>
        <translation>il nome della fotocamera nel database degli obiettivi; vuoto: la fotocamera indicata dal file</translation>
    </message>
    <message>
        <source>the lens&apos;s name in the lens database (rangefinder-cli lenses lists them); empty: the lens the file names</source>
        <translation>il nome dell’obiettivo nel database degli obiettivi (rangefinder-cli lenses li elenca); vuoto: l’obiettivo indicato dal file</translation>
    </message>
    <message>
        <source>clockwise quarter turns on top of the camera&apos;s orientation: 0, 90, 180, 270</source>
        <translation>quarti di giro in senso orario oltre all’orientamento della fotocamera: 0, 90, 180, 270</translation>
    </message>
    <message>
        <source>mirror left to right</source>
        <translation>specchia da sinistra a destra</translation>
    </message>
    <message>
        <source>mirror top to bottom</source>
        <translation>specchia dall’alto in basso</translation>
    </message>
    <message>
        <source>rotation, + counter-clockwise; the frame is trimmed to hide empty corners</source>
        <translation>rotazione, + in senso antiorario; l’inquadratura viene ridotta per nascondere gli angoli vuoti</translation>
    </message>
    <message>
        <source>fraction of the width</source>
        <translation>frazione della larghezza</translation>
    </message>
    <message>
        <source>fraction of the height</source>
        <translation>frazione dell’altezza</translation>
    </message>
    <message>
        <source>constrains the crop to the largest centred frame of this ratio</source>
        <translation>limita il ritaglio alla più grande inquadratura centrata con queste proporzioni</translation>
    </message>
    <message>
        <source>removes grain-like noise in brightness; 100 % removes the noise measured in this photo, 0 turns it off</source>
        <translation>rimuove il rumore di luminanza simile alla grana; 100 % rimuove il rumore misurato in questa foto, 0 la disattiva</translation>
    </message>
    <message>
        <source>how much fine texture luminance noise reduction keeps: lower is smoother, higher keeps more grain and texture</source>
        <translation>quanta trama fine conserva la riduzione del rumore di luminanza: più basso è più liscio, più alto conserva più grana e trama</translation>
    </message>
    <message>
        <source>removes coloured speckles and blotches; 100 % removes the colour noise measured in this photo, 0 turns it off</source>
        <translation>rimuove puntini e macchie colorate; 100 % rimuove il rumore di colore misurato in questa foto, 0 la disattiva</translation>
    </message>
    <message>
        <source>the name of the applied look (empty: none)</source>
        <translation>il nome del look applicato (vuoto: nessuno)</translation>
    </message>
    <message>
        <source>0 renders as if no look were applied, 100 is the full look</source>
        <translation>0 rende la foto come senza look, 100 applica il look per intero</translation>
    </message>
    <message>
        <source>control points &quot;x,y x,y …&quot; on display-encoded values in [0, 1]; replaces contrast, pivot, toe and shoulder when set</source>
        <translation>punti di controllo &quot;x,y x,y …&quot; su valori codificati per lo schermo in [0, 1]; se impostata sostituisce contrasto, perno, piede e spalla</translation>
    </message>
    <message>
        <source>slope of the look curve at the pivot: +100 doubles it</source>
        <translation>pendenza della curva del look nel perno: +100 la raddoppia</translation>
    </message>
    <message>
        <source>display-encoded value the contrast turns around (0.47: the default mid-grey)</source>
        <translation>valore codificato per lo schermo attorno a cui ruota il contrasto (0,47: il grigio medio predefinito)</translation>
    </message>
    <message>
        <source>mid-tone brightness, ends fixed</source>
        <translation>luminosità dei mezzitoni, estremi fissi</translation>
    </message>
    <message>
        <source>+ lifts the black point (faded shadows), − crushes it (deeper shadows)</source>
        <translation>+ alza il punto di nero (ombre sbiadite), − lo abbassa (ombre più profonde)</translation>
    </message>
    <message>
        <source>+ pulls the white point down (softer highlights), − pushes it up (brighter)</source>
        <translation>+ abbassa il punto di bianco (alte luci più morbide), − lo alza (più luminose)</translation>
    </message>
    <message>
        <source>chroma change of every colour; −100 gives black and white</source>
        <translation>variazione di croma di ogni colore; −100 dà il bianco e nero</translation>
    </message>
    <message>
        <source>chroma change weighted towards muted colours, sparing skin</source>
        <translation>variazione di croma che privilegia i colori tenui, risparmiando la pelle</translation>
    </message>
    <message>
        <source>hue shift of this band</source>
        <translation>spostamento di tonalità di questa banda</translation>
    </message>
    <message>
        <source>chroma change of this band</source>
        <translation>variazione di croma di questa banda</translation>
    </message>
    <message>
        <source>lightness change of this band</source>
        <translation>variazione di luminosità di questa banda</translation>
    </message>
    <message>
        <source>hue of the tint in the shadows</source>
        <translation>tonalità della tinta nelle ombre</translation>
    </message>
    <message>
        <source>strength of the shadow tint</source>
        <translation>intensità della tinta nelle ombre</translation>
    </message>
    <message>
        <source>hue of the tint in the highlights</source>
        <translation>tonalità della tinta nelle alte luci</translation>
    </message>
    <message>
        <source>strength of the highlight tint</source>
        <translation>intensità della tinta nelle alte luci</translation>
    </message>
    <message>
        <source>+ moves the split towards the shadows (more highlight tint)</source>
        <translation>+ sposta la separazione verso le ombre (più tinta nelle alte luci)</translation>
    </message>
    <message>
        <source>+ warms every colour towards amber, − cools it towards blue, more in the brighter tones, as a filter on the lens; white stays white</source>
        <translation>+ scalda ogni colore verso l’ambra, − lo raffredda verso il blu, di più nei toni chiari, come un filtro sull’obiettivo; il bianco resta bianco</translation>
    </message>
    <message>
        <source>render in black and white through the channel mix</source>
        <translation>rende in bianco e nero attraverso il miscelatore di canali</translation>
    </message>
    <message>
        <source>red&apos;s share of the grey (the shares are normalised to their sum)</source>
        <translation>quota del rosso nel grigio (le quote sono normalizzate sulla loro somma)</translation>
    </message>
    <message>
        <source>green&apos;s share</source>
        <translation>quota del verde</translation>
    </message>
    <message>
        <source>blue&apos;s share</source>
        <translation>quota del blu</translation>
    </message>
    <message>
        <source>exposure change at the frame&apos;s corners: − darkens</source>
        <translation>variazione di esposizione agli angoli dell’inquadratura: − scurisce</translation>
    </message>
    <message>
        <source>where the fall-off starts, as a share of the centre-to-corner distance</source>
        <translation>dove inizia la caduta di luce, come frazione della distanza dal centro all’angolo</translation>
    </message>
    <message>
        <source>0 follows the frame&apos;s shape, +100 is a circle, −100 squarer</source>
        <translation>0 segue la forma dell’inquadratura, +100 è un cerchio, −100 più squadrata</translation>
    </message>
    <message>
        <source>softness of the fall-off</source>
        <translation>morbidezza della caduta di luce</translation>
    </message>
    <message>
        <source>film grain strength</source>
        <translation>intensità della grana della pellicola</translation>
    </message>
    <message>
        <source>grain size, relative to the frame (same look at every export size)</source>
        <translation>dimensione della grana, relativa all’inquadratura (stesso aspetto a ogni dimensione di esportazione)</translation>
    </message>
    <message>
        <source>a .cube or Hald CLUT .png; relative paths are looked up in the look folders</source>
        <translation>un file .cube o una Hald CLUT .png; i percorsi relativi vengono cercati nelle cartelle dei look</translation>
    </message>
    <message>
        <source>what the LUT expects: these primaries with the sRGB transfer curve</source>
        <translation>ciò che la LUT si aspetta: questi primari con la curva di trasferimento sRGB</translation>
    </message>
</context>
<context>
    <name>ParamLabel</name>
    <message>
        <source>Demosaic</source>
        <translation>Demosaicizzazione</translation>
    </message>
    <message>
        <source>Highlight recovery</source>
        <translation>Recupero alte luci</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>Bilanciamento bianco</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Tinta</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Esposizione</translation>
    </message>
    <message>
        <source>Auto tone</source>
        <translation>Tono automatico</translation>
    </message>
    <message>
        <source>Base curve</source>
        <translation>Curva di base</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contrasto</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Alte luci</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>Ombre</translation>
    </message>
    <message>
        <source>Whites</source>
        <translation>Bianchi</translation>
    </message>
    <message>
        <source>Blacks</source>
        <translation>Neri</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Saturazione</translation>
    </message>
    <message>
        <source>Vibrance</source>
        <translation>Vividezza</translation>
    </message>
    <message>
        <source>Distortion</source>
        <translation>Distorsione</translation>
    </message>
    <message>
        <source>Chromatic aberration</source>
        <translation>Aberrazione cromatica</translation>
    </message>
    <message>
        <source>Vignetting</source>
        <translation>Vignettatura</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Fotocamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Ruota</translation>
    </message>
    <message>
        <source>Flip horizontal</source>
        <translation>Rifletti in orizzontale</translation>
    </message>
    <message>
        <source>Flip vertical</source>
        <translation>Rifletti in verticale</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>Raddrizza</translation>
    </message>
    <message>
        <source>Crop left</source>
        <translation>Ritaglio a sinistra</translation>
    </message>
    <message>
        <source>Crop top</source>
        <translation>Ritaglio in alto</translation>
    </message>
    <message>
        <source>Crop right</source>
        <translation>Ritaglio a destra</translation>
    </message>
    <message>
        <source>Crop bottom</source>
        <translation>Ritaglio in basso</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Proporzioni</translation>
    </message>
    <message>
        <source>Luminance</source>
        <translation>Luminanza</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Dettaglio</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Colore</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Look strength</source>
        <translation>Intensità del look</translation>
    </message>
    <message>
        <source>Look curve</source>
        <translation>Curva del look</translation>
    </message>
    <message>
        <source>Look contrast</source>
        <translation>Contrasto del look</translation>
    </message>
    <message>
        <source>Look pivot</source>
        <translation>Perno del look</translation>
    </message>
    <message>
        <source>Look brightness</source>
        <translation>Luminosità del look</translation>
    </message>
    <message>
        <source>Look toe</source>
        <translation>Piede del look</translation>
    </message>
    <message>
        <source>Look shoulder</source>
        <translation>Spalla del look</translation>
    </message>
    <message>
        <source>Look saturation</source>
        <translation>Saturazione del look</translation>
    </message>
    <message>
        <source>Look vibrance</source>
        <translation>Vividezza del look</translation>
    </message>
    <message>
        <source>red hue</source>
        <translation>tonalità rossi</translation>
    </message>
    <message>
        <source>red saturation</source>
        <translation>saturazione rossi</translation>
    </message>
    <message>
        <source>red luminance</source>
        <translation>luminanza rossi</translation>
    </message>
    <message>
        <source>orange hue</source>
        <translation>tonalità arancioni</translation>
    </message>
    <message>
        <source>orange saturation</source>
        <translation>saturazione arancioni</translation>
    </message>
    <message>
        <source>orange luminance</source>
        <translation>luminanza arancioni</translation>
    </message>
    <message>
        <source>yellow hue</source>
        <translation>tonalità gialli</translation>
    </message>
    <message>
        <source>yellow saturation</source>
        <translation>saturazione gialli</translation>
    </message>
    <message>
        <source>yellow luminance</source>
        <translation>luminanza gialli</translation>
    </message>
    <message>
        <source>green hue</source>
        <translation>tonalità verdi</translation>
    </message>
    <message>
        <source>green saturation</source>
        <translation>saturazione verdi</translation>
    </message>
    <message>
        <source>green luminance</source>
        <translation>luminanza verdi</translation>
    </message>
    <message>
        <source>aqua hue</source>
        <translation>tonalità acqua</translation>
    </message>
    <message>
        <source>aqua saturation</source>
        <translation>saturazione acqua</translation>
    </message>
    <message>
        <source>aqua luminance</source>
        <translation>luminanza acqua</translation>
    </message>
    <message>
        <source>blue hue</source>
        <translation>tonalità blu</translation>
    </message>
    <message>
        <source>blue saturation</source>
        <translation>saturazione blu</translation>
    </message>
    <message>
        <source>blue luminance</source>
        <translation>luminanza blu</translation>
    </message>
    <message>
        <source>purple hue</source>
        <translation>tonalità viola</translation>
    </message>
    <message>
        <source>purple saturation</source>
        <translation>saturazione viola</translation>
    </message>
    <message>
        <source>purple luminance</source>
        <translation>luminanza viola</translation>
    </message>
    <message>
        <source>magenta hue</source>
        <translation>tonalità magenta</translation>
    </message>
    <message>
        <source>magenta saturation</source>
        <translation>saturazione magenta</translation>
    </message>
    <message>
        <source>magenta luminance</source>
        <translation>luminanza magenta</translation>
    </message>
    <message>
        <source>Shadow tint hue</source>
        <translation>Tonalità tinta ombre</translation>
    </message>
    <message>
        <source>Shadow tint</source>
        <translation>Tinta ombre</translation>
    </message>
    <message>
        <source>Highlight tint hue</source>
        <translation>Tonalità tinta alte luci</translation>
    </message>
    <message>
        <source>Highlight tint</source>
        <translation>Tinta alte luci</translation>
    </message>
    <message>
        <source>Tint balance</source>
        <translation>Bilanciamento tinte</translation>
    </message>
    <message>
        <source>Look warmth</source>
        <translation>Calore del look</translation>
    </message>
    <message>
        <source>Monochrome</source>
        <translation>Monocromatico</translation>
    </message>
    <message>
        <source>Mono red</source>
        <translation>Mono rosso</translation>
    </message>
    <message>
        <source>Mono green</source>
        <translation>Mono verde</translation>
    </message>
    <message>
        <source>Mono blue</source>
        <translation>Mono blu</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>Vignettatura</translation>
    </message>
    <message>
        <source>Vignette midpoint</source>
        <translation>Punto medio</translation>
    </message>
    <message>
        <source>Vignette roundness</source>
        <translation>Rotondità</translation>
    </message>
    <message>
        <source>Vignette feather</source>
        <translation>Sfumatura</translation>
    </message>
    <message>
        <source>Grain</source>
        <translation>Grana</translation>
    </message>
    <message>
        <source>Grain size</source>
        <translation>Dimensione grana</translation>
    </message>
    <message>
        <source>LUT</source>
        <translation>LUT</translation>
    </message>
    <message>
        <source>LUT input</source>
        <translation>Ingresso LUT</translation>
    </message>
</context>
<context>
    <name>ParamSection</name>
    <message>
        <source>Rendering</source>
        <translation>Resa</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tono</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Presenza</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Correzioni</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profilo</translation>
    </message>
    <message>
        <source>Noise reduction</source>
        <translation>Riduzione del rumore</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>Vignettatura creativa</translation>
    </message>
    <message>
        <source>Grain</source>
        <translation>Grana</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Default</source>
        <translation>Predefinito</translation>
    </message>
    <message>
        <source>A preset needs a name.</source>
        <translation>Un predefinito ha bisogno di un nome.</translation>
    </message>
    <message>
        <source>“%1” is a built-in preset.</source>
        <translation>«%1» è un predefinito incluso.</translation>
    </message>
    <message>
        <source>There is already a preset called “%1”.</source>
        <translation>Esiste già un predefinito chiamato «%1».</translation>
    </message>
    <message>
        <source>%1 would write the same file names into one folder, so each goes into its own sub-folder: %2.</source>
        <translation>%1 scriverebbero gli stessi nomi di file in una cartella, perciò ognuno va in una sottocartella propria: %2.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutata</translation>
    </message>
    <message>
        <source>No stars</source>
        <translation>Nessuna stella</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rangefinder raw photo editor</source>
        <translation>Rangefinder, editor di foto raw</translation>
    </message>
    <message>
        <source>A folder of raw files, or one raw file</source>
        <translation>Una cartella di file raw, o un singolo file raw</translation>
    </message>
</context>
<context>
    <name>rf::gui::BasicPanel</name>
    <message>
        <source>Basic</source>
        <translation>Base</translation>
    </message>
</context>
<context>
    <name>rf::gui::CropPanel</name>
    <message>
        <source>Crop &amp; rotate</source>
        <translation>Ritaglio e rotazione</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Originale</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libero</translation>
    </message>
    <message>
        <source>Aspect ratio of the crop</source>
        <translation>Proporzioni del ritaglio</translation>
    </message>
    <message>
        <source>⇄</source>
        <translation>⇄</translation>
    </message>
    <message>
        <source>Swap portrait and landscape</source>
        <translation>Scambia verticale e orizzontale</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Proporzioni</translation>
    </message>
    <message>
        <source>⟲ 90°</source>
        <translation>⟲ 90°</translation>
    </message>
    <message>
        <source>Rotate counter-clockwise</source>
        <translation>Ruota in senso antiorario</translation>
    </message>
    <message>
        <source>⟳ 90°</source>
        <translation>⟳ 90°</translation>
    </message>
    <message>
        <source>Rotate clockwise</source>
        <translation>Ruota in senso orario</translation>
    </message>
    <message>
        <source>⇋ Flip</source>
        <translation>⇋ Rifletti</translation>
    </message>
    <message>
        <source>Mirror left to right</source>
        <translation>Specchia da sinistra a destra</translation>
    </message>
    <message>
        <source>⇵ Flip</source>
        <translation>⇵ Rifletti</translation>
    </message>
    <message>
        <source>Mirror top to bottom</source>
        <translation>Specchia dall’alto in basso</translation>
    </message>
</context>
<context>
    <name>rf::gui::CubeExportDialog</name>
    <message>
        <source>sRGB (display)</source>
        <translation>sRGB (display)</translation>
    </message>
    <message>
        <source>Rec.2020 linear</source>
        <translation>Rec.2020 lineare</translation>
    </message>
    <message>
        <source>ACEScct (log)</source>
        <translation>ACEScct (log)</translation>
    </message>
    <message>
        <source>For photo editors, ffmpeg and video tools: applied to a photo exported without a look, it gives the photo with the look.</source>
        <translation>Per editor di foto, ffmpeg e strumenti video: applicato a una foto esportata senza look, dà la foto con il look.</translation>
    </message>
    <message>
        <source>Linear light for compositing tools, with a 1D shaper in front of the table (DaVinci Resolve&apos;s .cube); tools that cannot read a shaper, such as ffmpeg, refuse it.</source>
        <translation>Luce lineare per strumenti di compositing, con uno shaper 1D davanti alla tabella (il .cube di DaVinci Resolve); gli strumenti che non leggono uno shaper, come ffmpeg, lo rifiutano.</translation>
    </message>
    <message>
        <source>For grading in an ACES project (ACEScct, AP1 primaries). Use 65 points: the picture spans only half of the log range.</source>
        <translation>Per il grading in un progetto ACES (ACEScct, primari AP1). Usa 65 punti: l’immagine occupa solo metà dell’intervallo logaritmico.</translation>
    </message>
    <message>
        <source>Export Look as .cube</source>
        <translation>Esporta il look come .cube</translation>
    </message>
    <message>
        <source>Points per axis: 33 is usual, 65 the most accurate</source>
        <translation>Punti per asse: 33 è il consueto, 65 il più preciso</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>The look&apos;s colour at full strength. A vignette or grain depends on the place in the frame and cannot be part of a LUT.</source>
        <translation>Il colore del look a piena intensità. Una vignettatura o una grana dipendono dalla posizione nell’inquadratura e non possono far parte di una LUT.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Spazio colore</translation>
    </message>
    <message>
        <source>Points per axis</source>
        <translation>Punti per asse</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Cube LUTs (*.cube)</source>
        <translation>LUT Cube (*.cube)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 esiste già. Sostituirlo?</translation>
    </message>
</context>
<context>
    <name>rf::gui::DetailPanel</name>
    <message>
        <source>Detail &amp; effects</source>
        <translation>Dettaglio ed effetti</translation>
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
        <translation>Ripristina %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>history: a list&apos;s label and the item chosen</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on</source>
        <comment>history: a switch turned on</comment>
        <translation>%1 attivato</translation>
    </message>
    <message>
        <source>%1 off</source>
        <comment>history: a switch turned off</comment>
        <translation>%1 disattivato</translation>
    </message>
</context>
<context>
    <name>rf::gui::EditorWidget</name>
    <message>
        <source>White balance from a neutral area</source>
        <translation>Bilanciamento del bianco da un’area neutra</translation>
    </message>
    <message>
        <source>Auto tone</source>
        <translation>Tono automatico</translation>
    </message>
    <message>
        <source>White balance: %1</source>
        <translation>Bilanciamento del bianco: %1</translation>
    </message>
    <message>
        <source>Edits saved</source>
        <translation>Modifiche salvate</translation>
    </message>
    <message>
        <source>Edits are kept here but could not be saved: %1</source>
        <translation>Le modifiche restano qui ma non è stato possibile salvarle: %1</translation>
    </message>
    <message>
        <source>The sidecar could not be read, so the photo opens unedited (the file is left as it is): %1</source>
        <translation>Il file sidecar non è leggibile, perciò la foto si apre senza modifiche (il file resta com’è): %1</translation>
    </message>
    <message>
        <source>Fit  %1 %</source>
        <translation>Adatta  %1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Ritaglio</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;Copy Edits</source>
        <translation>&amp;Copia modifiche</translation>
    </message>
    <message>
        <source>Copy this photo&apos;s edits</source>
        <translation>Copia le modifiche di questa foto</translation>
    </message>
    <message>
        <source>&amp;Paste Edits</source>
        <translation>&amp;Incolla modifiche</translation>
    </message>
    <message>
        <source>Paste the copied edits except white balance and crop</source>
        <translation>Incolla le modifiche copiate tranne bilanciamento del bianco e ritaglio</translation>
    </message>
    <message>
        <source>Paste &amp;Selected Edits…</source>
        <translation>Incolla &amp;selettivamente…</translation>
    </message>
    <message>
        <source>Choose which parts of the copied edits to paste</source>
        <translation>Scegli quali parti delle modifiche copiate incollare</translation>
    </message>
    <message>
        <source>Reset &amp;All Edits</source>
        <translation>Ripristina tutte le m&amp;odifiche</translation>
    </message>
    <message>
        <source>Back to the photo as shot (undoable)</source>
        <translation>Torna alla foto come scattata (annullabile)</translation>
    </message>
    <message>
        <source>&amp;Before / After</source>
        <translation>&amp;Prima / dopo</translation>
    </message>
    <message>
        <source>Show the photo without edits (\)</source>
        <translation>Mostra la foto senza modifiche (\)</translation>
    </message>
    <message>
        <source>&amp;Split Before / After</source>
        <translation>Prima / dopo &amp;affiancati</translation>
    </message>
    <message>
        <source>Before on the left, after on the right; drag the divider (Y)</source>
        <translation>Prima a sinistra, dopo a destra; trascina il divisore (Y)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>Adatta alla &amp;finestra</translation>
    </message>
    <message>
        <source>Fit the photo in the window (Space or F toggles)</source>
        <translation>Adatta la foto alla finestra (Spazio o F alternano)</translation>
    </message>
    <message>
        <source>Zoom to &amp;100 %</source>
        <translation>Zoom al &amp;100 %</translation>
    </message>
    <message>
        <source>One photo pixel per screen pixel, full quality</source>
        <translation>Un pixel della foto per pixel dello schermo, qualità piena</translation>
    </message>
    <message>
        <source>Show &amp;Clipping</source>
        <translation>Mo&amp;stra clipping</translation>
    </message>
    <message>
        <source>Blown highlights in red, blocked shadows in blue (J)</source>
        <translation>Alte luci bruciate in rosso, ombre chiuse in blu (J)</translation>
    </message>
    <message>
        <source>White Balance &amp;Picker</source>
        <translation>Selettore &amp;bilanciamento del bianco</translation>
    </message>
    <message>
        <source>Click or drag over something that should be neutral grey (W)</source>
        <translation>Fai clic o trascina su qualcosa che dovrebbe essere grigio neutro (W)</translation>
    </message>
    <message>
        <source>&amp;Auto Tone</source>
        <translation>Tono &amp;automatico</translation>
    </message>
    <message>
        <source>Set exposure, highlights, shadows, whites and blacks from the photo (undoable; the values stay yours to move)</source>
        <translation>Imposta esposizione, alte luci, ombre, bianchi e neri dalla foto (annullabile; i valori restano tuoi da regolare)</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>C&amp;rop</source>
        <translation>&amp;Ritaglia</translation>
    </message>
    <message>
        <source>Show the crop frame: drag its edges, corners or inside (R)</source>
        <translation>Mostra la cornice di ritaglio: trascinane i bordi, gli angoli o l’interno (R)</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Preleva</translation>
    </message>
    <message>
        <source>Edits copied</source>
        <translation>Modifiche copiate</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Ripristina tutto</translation>
    </message>
    <message>
        <source>Click or drag over a neutral grey or white area</source>
        <translation>Fai clic o trascina su un’area grigia neutra o bianca</translation>
    </message>
    <message>
        <source>Looks</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annulla %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Ripeti %1</translation>
    </message>
    <message>
        <source>Crop aspect %1</source>
        <translation>Proporzioni ritaglio %1</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Ruota a destra</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Ruota a sinistra</translation>
    </message>
    <message>
        <source>Flip horizontal</source>
        <translation>Rifletti in orizzontale</translation>
    </message>
    <message>
        <source>Flip vertical</source>
        <translation>Rifletti in verticale</translation>
    </message>
    <message>
        <source>Nothing to paste: copy a photo&apos;s edits first</source>
        <translation>Niente da incollare: copia prima le modifiche di una foto</translation>
    </message>
    <message>
        <source>Paste edits</source>
        <translation>Incolla modifiche</translation>
    </message>
    <message>
        <source>The look “%1” is not installed</source>
        <translation>Il look «%1» non è installato</translation>
    </message>
    <message>
        <source>Look: %1</source>
        <translation>Look: %1</translation>
    </message>
    <message>
        <source>No look</source>
        <translation>Nessun look</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Display profile not used, showing sRGB: %1</source>
        <translation>Profilo dello schermo non usato, visualizzazione in sRGB: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s) changed, %2 failed: %3</source>
        <translation>
            <numerusform>%1: %n foto modificata, %2 non riuscite: %3</numerusform>
            <numerusform>%1: %n foto modificate, %2 non riuscite: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s) changed</source>
        <translation>
            <numerusform>%1: %n foto modificata</numerusform>
            <numerusform>%1: %n foto modificate</numerusform>
        </translation>
    </message>
    <message>
        <source>Side b&amp;y Side Before / After</source>
        <translation>Prima / dopo &amp;fianco a fianco</translation>
    </message>
    <message>
        <source>Before and after next to each other, zooming and panning together (Shift+Y)</source>
        <translation>Prima e dopo uno accanto all&apos;altro, con zoom e spostamento insieme (Shift+Y)</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Fianco a fianco</translation>
    </message>
    <message>
        <source>Compare with the Camera&apos;s &amp;JPEG</source>
        <translation>Confronta con il &amp;JPEG della fotocamera</translation>
    </message>
    <message>
        <source>Compare with the JPEG the camera made instead of the unedited render (C)</source>
        <translation>Confronta con il JPEG fatto dalla fotocamera invece che con la resa senza modifiche (C)</translation>
    </message>
    <message>
        <source>Unedited</source>
        <translation>Senza modifiche</translation>
    </message>
    <message>
        <source>Camera JPEG</source>
        <translation>JPEG della fotocamera</translation>
    </message>
    <message>
        <source>The camera&apos;s JPEG can be compared with once the raw is open</source>
        <translation>Il JPEG della fotocamera si può confrontare quando il raw è aperto</translation>
    </message>
    <message>
        <source>What the edit is compared with: the unedited render or the JPEG the camera made (C)</source>
        <translation>Con che cosa si confronta la modifica: la resa senza modifiche o il JPEG fatto dalla fotocamera (C)</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Prima</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modificata</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Dopo</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Diviso</translation>
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
        <translation>il nome del file raw senza estensione</translation>
    </message>
    <message>
        <source>the raw file&apos;s extension</source>
        <translation>l’estensione del file raw</translation>
    </message>
    <message>
        <source>the camera model</source>
        <translation>il modello della fotocamera</translation>
    </message>
    <message>
        <source>the capture date, YYYY-MM-DD</source>
        <translation>la data di scatto, AAAA-MM-GG</translation>
    </message>
    <message>
        <source>the photo&apos;s position in this export, 0001…</source>
        <translation>la posizione della foto in questa esportazione, 0001…</translation>
    </message>
    <message>
        <source>the applied look, e.g. leica-authentic (&quot;none&quot; without one)</source>
        <translation>il look applicato, per es. leica-authentic (&quot;none&quot; senza look)</translation>
    </message>
    <message>
        <source>Choose an output folder.</source>
        <translation>Scegli una cartella di destinazione.</translation>
    </message>
    <message>
        <source>%1: cannot create it, %2 is a file, not a folder.</source>
        <translation>%1: impossibile crearla, %2 è un file e non una cartella.</translation>
    </message>
    <message>
        <source>%1: cannot write into %2 (%3).</source>
        <translation>%1: impossibile scrivere in %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>Export %n Photo(s)</source>
        <translation>
            <numerusform>Esporta %n foto</numerusform>
            <numerusform>Esporta %n foto</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esportazioni</translation>
    </message>
    <message>
        <source>Tick every preset to export with (Space ticks the selected one); the options on the right belong to the selected preset.</source>
        <translation>Spunta ogni predefinito con cui esportare (Spazio spunta quello selezionato); le opzioni a destra sono quelle del predefinito selezionato.</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Predefiniti</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salva &amp;come…</translation>
    </message>
    <message>
        <source>Keep these options as a preset of your own</source>
        <translation>Conserva queste opzioni come un tuo predefinito</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Sal&amp;va</translation>
    </message>
    <message>
        <source>Store the changes to this preset</source>
        <translation>Memorizza le modifiche a questo predefinito</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Ri&amp;nomina…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Eli&amp;mina</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>&amp;Qualità:</translation>
    </message>
    <message>
        <source>Ch&amp;roma:</source>
        <translation>Crominan&amp;za:</translation>
    </message>
    <message>
        <source>&amp;Bit depth:</source>
        <translation>Profondità di &amp;bit:</translation>
    </message>
    <message>
        <source>Pro&amp;gressive JPEG</source>
        <translation>&amp;JPEG progressivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensioni</translation>
    </message>
    <message>
        <source>Resi&amp;ze to:</source>
        <translation>Ri&amp;dimensiona a:</translation>
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
        <translation>Mai ingrandita oltre le dimensioni della foto.</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colore</translation>
    </message>
    <message>
        <source>Colour &amp;space:</source>
        <translation>&amp;Spazio colore:</translation>
    </message>
    <message>
        <source>&amp;Intent:</source>
        <translation>&amp;Intento:</translation>
    </message>
    <message>
        <source>Output sharpening</source>
        <translation>Nitidezza in uscita</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Disattivata</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>Fatt&amp;ore:</translation>
    </message>
    <message>
        <source>Radi&amp;us:</source>
        <translation>&amp;Raggio:</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadati</translation>
    </message>
    <message>
        <source>In&amp;clude:</source>
        <translation>Incl&amp;udi:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Destinazione</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Sce&amp;gli…</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>Car&amp;tella:</translation>
    </message>
    <message>
        <source>This preset has its o&amp;wn folder</source>
        <translation>Questo predefinito h&amp;a una cartella propria</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Inserisci</translation>
    </message>
    <message>
        <source>Insert a field at the cursor</source>
        <translation>Inserisci un campo nella posizione del cursore</translation>
    </message>
    <message>
        <source>Fi&amp;le name:</source>
        <translation>Nome del fi&amp;le:</translation>
    </message>
    <message>
        <source>Fields: %1 — the format&apos;s extension is added.</source>
        <translation>Campi: %1 — l’estensione del formato viene aggiunta.</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Esempio:</translation>
    </message>
    <message>
        <source>Replace e&amp;xisting files (otherwise a number is added)</source>
        <translation>Sostituisci i file esis&amp;tenti (altrimenti si aggiunge un numero)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Esporta</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (modificato)</translation>
    </message>
    <message>
        <source>Built-in preset: changes apply to this export only; Save As… keeps them as a preset of your own.</source>
        <translation>Predefinito incluso: le modifiche valgono solo per questa esportazione; Salva come… le conserva come un tuo predefinito.</translation>
    </message>
    <message>
        <source>Your preset (based on %1)</source>
        <translation>Un tuo predefinito (basato su %1)</translation>
    </message>
    <message>
        <source>Options of “%1”</source>
        <translation>Opzioni di «%1»</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Esporta in</translation>
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
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n preset(s)</source>
        <translation>
            <numerusform>%n predefinito</numerusform>
            <numerusform>%n predefiniti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n file</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos are selected.</source>
        <translation>Nessuna foto selezionata.</translation>
    </message>
    <message>
        <source>Tick at least one preset to export with.</source>
        <translation>Spunta almeno un predefinito con cui esportare.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Select a preset first.</source>
        <translation>Seleziona prima un predefinito.</translation>
    </message>
    <message>
        <source>Built-in presets cannot be renamed.</source>
        <translation>I predefiniti inclusi non si possono rinominare.</translation>
    </message>
    <message>
        <source>My %1</source>
        <translation>%1 personale</translation>
    </message>
    <message>
        <source>Save Preset</source>
        <translation>Salva predefinito</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Nome del predefinito:</translation>
    </message>
    <message>
        <source>Replace Preset</source>
        <translation>Sostituisci predefinito</translation>
    </message>
    <message>
        <source>Replace your preset “%1”?</source>
        <translation>Sostituire il tuo predefinito «%1»?</translation>
    </message>
    <message>
        <source>Rename Preset</source>
        <translation>Rinomina predefinito</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nuovo nome:</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>Elimina predefinito</translation>
    </message>
    <message>
        <source>Delete your preset “%1”?</source>
        <translation>Eliminare il tuo predefinito «%1»?</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predefinita</translation>
    </message>
    <message>
        <source>Export into %1, beside the photos</source>
        <translation>Esporta in %1, accanto alle foto</translation>
    </message>
    <message>
        <source>Otherwise it writes to the export folder, which presets without a folder of their own share: the Export folder beside the photos unless you choose another.</source>
        <translation>Altrimenti scrive nella cartella di esportazione, condivisa dai predefiniti senza una cartella propria: la cartella Esportazioni accanto alle foto, a meno che tu non ne scelga un’altra.</translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Stop the export (files already written stay)</source>
        <translation>Interrompi l’esportazione (i file già scritti restano)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n file(s)…</source>
        <translation>
            <numerusform>Esportazione di %n file…</numerusform>
            <numerusform>Esportazione di %n file…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>%1 di %2 — %3</translation>
    </message>
    <message>
        <source>%1 of %2 — %3 (%4)</source>
        <translation>%1 di %2 — %3 (%4)</translation>
    </message>
    <message>
        <source>Cancelling export…</source>
        <translation>Annullamento dell’esportazione…</translation>
    </message>
    <message numerus="yes">
        <source> · %n more waiting</source>
        <translation>
            <numerusform> · %n altra in attesa</numerusform>
            <numerusform> · altre %n in attesa</numerusform>
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
        <translation>Esportazione annullata</translation>
    </message>
    <message>
        <source>Export Finished with Problems</source>
        <translation>Esportazione terminata con problemi</translation>
    </message>
    <message>
        <source>Export Finished</source>
        <translation>Esportazione terminata</translation>
    </message>
    <message>
        <source>Written to: %1</source>
        <translation>Scritti in: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Predefinito</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>(export)</source>
        <translation>(esportazione)</translation>
    </message>
    <message>
        <source>These could not be exported:</source>
        <translation>Non è stato possibile esportare questi:</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Apri cartella</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n file</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 written.</source>
        <translation>Annullata: scritti %1 di %2.</translation>
    </message>
    <message>
        <source> %1 failed.</source>
        <translation> %1 non riusciti.</translation>
    </message>
    <message>
        <source>The file was exported in %1.</source>
        <translation>Il file è stato esportato in %1.</translation>
    </message>
    <message>
        <source>All %1 were exported in %2.</source>
        <translation>Tutti i %1 sono stati esportati in %2.</translation>
    </message>
    <message>
        <source>%1 of %2 exported, %3 failed, in %4.</source>
        <translation>Esportati %1 di %2, %3 non riusciti, in %4.</translation>
    </message>
</context>
<context>
    <name>rf::gui::HistogramWidget</name>
    <message>
        <source>Histogram of the rendered photo: red, green, blue and luminance (line)</source>
        <translation>Istogramma della foto elaborata: rosso, verde, blu e luminanza (linea)</translation>
    </message>
</context>
<context>
    <name>rf::gui::ImageViewer</name>
    <message>
        <source>Before</source>
        <translation>Prima</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Dopo</translation>
    </message>
</context>
<context>
    <name>rf::gui::InfoPanel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Fotocamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Esposizione</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>Lunghezza focale</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensioni</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
</context>
<context>
    <name>rf::gui::LearnLookDialog</name>
    <message>
        <source>My Look</source>
        <translation>Il mio look</translation>
    </message>
    <message>
        <source>its embedded JPEG</source>
        <translation>il suo JPEG incorporato</translation>
    </message>
    <message>
        <source>Create Look from Example</source>
        <translation>Crea un look da un esempio</translation>
    </message>
    <message>
        <source>Learn a look from the finished JPEG a camera or phone made of this photo: the difference between Rangefinder&apos;s rendering of the raw and that JPEG becomes a look you can apply to any photo. Add more pairs of the same look to teach it more colours.</source>
        <translation>Impara un look dal JPEG finito che una fotocamera o un telefono ha ricavato da questa foto: la differenza tra la resa del raw di Rangefinder e quel JPEG diventa un look da applicare a qualsiasi foto. Aggiungi altre coppie dello stesso look per insegnargli più colori.</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Finished JPEG</source>
        <translation>JPEG finito</translation>
    </message>
    <message>
        <source>Choose &amp;JPEG…</source>
        <translation>Scegli &amp;JPEG…</translation>
    </message>
    <message>
        <source>Use &amp;Embedded JPEG</source>
        <translation>Usa il JPEG &amp;incorporato</translation>
    </message>
    <message>
        <source>The JPEG the camera stored inside the raw: its own rendering</source>
        <translation>Il JPEG che la fotocamera ha salvato nel raw: la sua resa</translation>
    </message>
    <message>
        <source>&amp;Add Pair…</source>
        <translation>&amp;Aggiungi coppia…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>Im&amp;para</translation>
    </message>
    <message>
        <source>Without the look</source>
        <translation>Senza il look</translation>
    </message>
    <message>
        <source>With the learned look</source>
        <translation>Con il look imparato</translation>
    </message>
    <message>
        <source>Apply the look to this photo when it is saved</source>
        <translation>Applica il look a questa foto quando viene salvato</translation>
    </message>
    <message>
        <source>&amp;Save Look</source>
        <translation>&amp;Salva look</translation>
    </message>
    <message>
        <source>(embedded in the raw)</source>
        <translation>(incorporato nel raw)</translation>
    </message>
    <message>
        <source>The Finished JPEG of %1</source>
        <translation>Il JPEG finito di %1</translation>
    </message>
    <message>
        <source>JPEG pictures (*.jpg *.jpeg *.JPG *.JPEG)</source>
        <translation>Immagini JPEG (*.jpg *.jpeg *.JPG *.JPEG)</translation>
    </message>
    <message>
        <source>Another Raw of the Same Look</source>
        <translation>Un altro raw dello stesso look</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>Apprendimento…</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>Calcolo dell&apos;anteprima…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Could not learn a look: %1</source>
        <translation>Impossibile imparare un look: %1</translation>
    </message>
    <message>
        <source>%1 → %2: mean colour difference (CIEDE2000) %3 with the look, %4 without; %5 colours from %6 pixels; correlation %7</source>
        <translation>%1 → %2: differenza di colore media (CIEDE2000) %3 con il look, %4 senza; %5 colori da %6 pixel; correlazione %7</translation>
    </message>
    <message>
        <source>Replace Look?</source>
        <translation>Sostituire il look?</translation>
    </message>
    <message>
        <source>A look file %1 already exists. Replace it?</source>
        <translation>Il file di look %1 esiste già. Sostituirlo?</translation>
    </message>
    <message>
        <source>Could Not Save the Look</source>
        <translation>Impossibile salvare il look</translation>
    </message>
    <message>
        <source>Create Look from &amp;Example…</source>
        <translation>&amp;Crea look da un esempio…</translation>
    </message>
    <message>
        <source>Learn a look from the finished JPEG a camera or phone made of this photo</source>
        <translation>Impara un look dal JPEG finito che una fotocamera o un telefono ha ricavato da questa foto</translation>
    </message>
</context>
<context>
    <name>rf::gui::LensPanel</name>
    <message>
        <source>Lens correction</source>
        <translation>Correzione obiettivo</translation>
    </message>
    <message>
        <source>Lens from the photo</source>
        <translation>Obiettivo dalla foto</translation>
    </message>
    <message>
        <source>Lens: %1</source>
        <translation>Obiettivo: %1</translation>
    </message>
    <message>
        <source>From the photo</source>
        <translation>Dalla foto</translation>
    </message>
    <message>
        <source>not in the lens database</source>
        <translation>non presente nel database degli obiettivi</translation>
    </message>
    <message>
        <source>distortion</source>
        <translation>distorsione</translation>
    </message>
    <message>
        <source>chromatic aberration</source>
        <translation>aberrazione cromatica</translation>
    </message>
    <message>
        <source>vignetting</source>
        <translation>vignettatura</translation>
    </message>
    <message>
        <source>%1 on the %2</source>
        <comment>a lens on a camera</comment>
        <translation>%1 su %2</translation>
    </message>
    <message>
        <source>Lens correction is off</source>
        <translation>La correzione dell’obiettivo è disattivata</translation>
    </message>
    <message>
        <source>The file&apos;s own lens corrections (DNG opcodes): %1</source>
        <translation>Le correzioni dell’obiettivo contenute nel file (opcode DNG): %1</translation>
    </message>
    <message>
        <source>%1 at %2 mm: %3</source>
        <translation>%1 a %2 mm: %3</translation>
    </message>
    <message>
        <source>“%1” may be %2, but not certainly: not applied (pick the lens to apply it)</source>
        <translation>«%1» potrebbe essere %2, ma non è certo: non applicato (scegli l’obiettivo per applicarlo)</translation>
    </message>
    <message>
        <source>The lens database (lensfun) is not installed</source>
        <translation>Il database degli obiettivi (lensfun) non è installato</translation>
    </message>
    <message>
        <source>No camera named “%1” in the lens database</source>
        <translation>Nessuna fotocamera chiamata «%1» nel database degli obiettivi</translation>
    </message>
    <message>
        <source>No lens named “%1” in the lens database</source>
        <translation>Nessun obiettivo chiamato «%1» nel database degli obiettivi</translation>
    </message>
    <message>
        <source>The file does not name its lens</source>
        <translation>Il file non indica il suo obiettivo</translation>
    </message>
    <message>
        <source>No profile for the lens “%1” in the lens database</source>
        <translation>Nessun profilo per l’obiettivo «%1» nel database degli obiettivi</translation>
    </message>
    <message>
        <source>No profile for the lens “%1” on the %2 in the lens database</source>
        <translation>Nessun profilo per l’obiettivo «%1» su %2 nel database degli obiettivi</translation>
    </message>
    <message>
        <source>%1: the file records no focal length, nothing to correct</source>
        <translation>%1: il file non registra la lunghezza focale, niente da correggere</translation>
    </message>
    <message>
        <source>%1: the camera&apos;s sensor size is unknown, nothing to correct</source>
        <translation>%1: le dimensioni del sensore della fotocamera sono sconosciute, niente da correggere</translation>
    </message>
    <message>
        <source>%1: the profile holds no correction for this shot</source>
        <translation>%1: il profilo non contiene correzioni per questo scatto</translation>
    </message>
</context>
<context>
    <name>rf::gui::LibraryBar</name>
    <message>
        <source>File name</source>
        <translation>Nome del file</translation>
    </message>
    <message>
        <source>Capture time</source>
        <translation>Data di scatto</translation>
    </message>
    <message>
        <source>Order of the photos</source>
        <translation>Ordine delle foto</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Ordina</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Qualsiasi valutazione</translation>
    </message>
    <message>
        <source>%1 and up</source>
        <translation>%1 e oltre</translation>
    </message>
    <message>
        <source>Show only photos rated at least this</source>
        <translation>Mostra solo le foto con almeno questa valutazione</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valutazione</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutate</translation>
    </message>
    <message>
        <source>Show rejected photos</source>
        <translation>Mostra le foto rifiutate</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Qualsiasi etichetta</translation>
    </message>
    <message>
        <source>No label</source>
        <translation>Nessuna etichetta</translation>
    </message>
    <message>
        <source>Show only photos with this colour label</source>
        <translation>Mostra solo le foto con questa etichetta colore</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Dimensione delle miniature</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>Togli il filtro</translation>
    </message>
    <message>
        <source>Show every photo of the folder</source>
        <translation>Mostra tutte le foto della cartella</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>valutazione %1</translation>
    </message>
    <message>
        <source>rating %1 and up</source>
        <translation>valutazione %1 e oltre</translation>
    </message>
    <message>
        <source>rejected photos off</source>
        <translation>foto rifiutate nascoste</translation>
    </message>
    <message>
        <source>no colour label</source>
        <translation>nessuna etichetta colore</translation>
    </message>
    <message>
        <source>%1 label</source>
        <translation>etichetta %1</translation>
    </message>
    <message>
        <source>No photo shown: the filter (%1) hides all %2.</source>
        <translation>Nessuna foto mostrata: il filtro (%1) nasconde tutte le %2.</translation>
    </message>
    <message>
        <source>Filtered: %1 of %2 hidden (%3).</source>
        <translation>Filtro attivo: %1 di %2 nascoste (%3).</translation>
    </message>
</context>
<context>
    <name>rf::gui::LooksPanel</name>
    <message>
        <source>Reload</source>
        <translation>Ricarica</translation>
    </message>
    <message>
        <source>Read the look folders again</source>
        <translation>Rileggi le cartelle dei look</translation>
    </message>
    <message>
        <source>Look strength %1</source>
        <translation>Intensità del look %1</translation>
    </message>
    <message>
        <source>Reset look strength</source>
        <translation>Ripristina intensità del look</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>No look: the photo as the basic panels make it</source>
        <translation>Nessun look: la foto come la rendono i pannelli di base</translation>
    </message>
    <message>
        <source>Other looks</source>
        <translation>Altri look</translation>
    </message>
    <message>
        <source>Inspired by
%1</source>
        <translation>Ispirati a
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n look(s)</source>
        <translation>
            <numerusform>%n look</numerusform>
            <numerusform>%n look</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; some files did not load</source>
        <translation>%1; alcuni file non sono stati caricati</translation>
    </message>
    <message>
        <source>No look</source>
        <translation>Nessun look</translation>
    </message>
    <message>
        <source>The look “%1” is not installed</source>
        <translation>Il look «%1» non è installato</translation>
    </message>
    <message>
        <source>Look: %1</source>
        <translation>Look: %1</translation>
    </message>
    <message>
        <source>Export .cube…</source>
        <translation>Esporta .cube…</translation>
    </message>
    <message>
        <source>Bake a look&apos;s colour into a 3D LUT (.cube) for another tool</source>
        <translation>Converte il colore di un look in una LUT 3D (.cube) per un altro programma</translation>
    </message>
    <message>
        <source>No looks are installed</source>
        <translation>Nessun look è installato</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Scritto %1</translation>
    </message>
</context>
<context>
    <name>rf::gui::MainWindow</name>
    <message>
        <source>Loading %1 of %2</source>
        <translation>Caricamento %1 di %2</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Apri cartella…</translation>
    </message>
    <message>
        <source>&amp;Refresh Folder</source>
        <translation>A&amp;ggiorna cartella</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>Select the photos to export first</source>
        <translation>Seleziona prima le foto da esportare</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferenze…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>E&amp;sci</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleziona t&amp;utto</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>Deseleziona &amp;tutto</translation>
    </message>
    <message>
        <source>Sort by File &amp;Name</source>
        <translation>Ordina per &amp;nome del file</translation>
    </message>
    <message>
        <source>Sort by &amp;Capture Time</source>
        <translation>Ordina per &amp;data di scatto</translation>
    </message>
    <message>
        <source>&amp;Larger Thumbnails</source>
        <translation>Miniature più &amp;grandi</translation>
    </message>
    <message>
        <source>&amp;Smaller Thumbnails</source>
        <translation>Miniature più p&amp;iccole</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Libreria</translation>
    </message>
    <message>
        <source>The thumbnail grid</source>
        <translation>La griglia delle miniature</translation>
    </message>
    <message>
        <source>&amp;Develop</source>
        <translation>S&amp;viluppo</translation>
    </message>
    <message>
        <source>Edit the current photo (also Enter or a double-click)</source>
        <translation>Modifica la foto corrente (anche con Invio o un doppio clic)</translation>
    </message>
    <message>
        <source>Apply &amp;Look to Selected…</source>
        <translation>Applica &amp;look alle selezionate…</translation>
    </message>
    <message>
        <source>Give every selected photo the same look</source>
        <translation>Dai a tutte le foto selezionate lo stesso look</translation>
    </message>
    <message>
        <source>&amp;Paste Edits to Selected</source>
        <translation>&amp;Incolla modifiche alle selezionate</translation>
    </message>
    <message>
        <source>Paste the edits copied in Develop, except white balance and crop</source>
        <translation>Incolla le modifiche copiate in Sviluppo, tranne bilanciamento del bianco e ritaglio</translation>
    </message>
    <message>
        <source>Paste &amp;Selected Edits to Selected…</source>
        <translation>Incolla selettivamente alle selezio&amp;nate…</translation>
    </message>
    <message>
        <source>&amp;Previous Photo</source>
        <translation>Foto prece&amp;dente</translation>
    </message>
    <message>
        <source>&amp;Next Photo</source>
        <translation>Foto s&amp;uccessiva</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;About Rangefinder</source>
        <translation>&amp;Informazioni su Rangefinder</translation>
    </message>
    <message>
        <source>About Rangefinder</source>
        <translation>Informazioni su Rangefinder</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rangefinder %1&lt;/h3&gt;&lt;p&gt;A raw photo editor.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rangefinder %1&lt;/h3&gt;&lt;p&gt;Un editor di foto raw.&lt;/p&gt;&lt;p&gt;Distribuito con licenza GNU General Public License, versione 3 o successiva.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation>F&amp;oto</translation>
    </message>
    <message>
        <source>&amp;Rating</source>
        <translation>Valu&amp;tazione</translation>
    </message>
    <message>
        <source>Colour &amp;Label</source>
        <translation>&amp;Etichetta colore</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Cartelle</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Cartelle</translation>
    </message>
    <message>
        <source>Export Running</source>
        <translation>Esportazione in corso</translation>
    </message>
    <message>
        <source>An export is still running. Stop it and quit?</source>
        <translation>Un’esportazione è ancora in corso. Interromperla e uscire?</translation>
    </message>
    <message>
        <source>Edits Not Saved</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>The edits of %1 could not be saved to its sidecar. Quit anyway and lose them?</source>
        <translation>Non è stato possibile salvare le modifiche di %1 nel suo file sidecar. Uscire comunque e perderle?</translation>
    </message>
    <message>
        <source>%1 is not a folder or a raw file</source>
        <translation>%1 non è una cartella né un file raw</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 non esiste</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Apri cartella</translation>
    </message>
    <message>
        <source>%1 — Rangefinder</source>
        <translation>%1 — Rangefinder</translation>
    </message>
    <message>
        <source>Select a photo to develop</source>
        <translation>Seleziona una foto da sviluppare</translation>
    </message>
    <message>
        <source>Select the photos first</source>
        <translation>Seleziona prima le foto</translation>
    </message>
    <message>
        <source>None (remove the look)</source>
        <translation>Nessuno (rimuovi il look)</translation>
    </message>
    <message>
        <source>Apply Look</source>
        <translation>Applica look</translation>
    </message>
    <message>
        <source>Look for %1:</source>
        <translation>Look per %1:</translation>
    </message>
    <message>
        <source>Copy a photo&apos;s edits in Develop first (Ctrl+C)</source>
        <translation>Copia prima le modifiche di una foto in Sviluppo (Ctrl+C)</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>Visualizzate: %1 su %2</translation>
    </message>
    <message>
        <source>No folder open</source>
        <translation>Nessuna cartella aperta</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (e un altro)</numerusform>
            <numerusform>%1 (e altri %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Library grid and filmstrip</source>
        <translation>Griglia della libreria e pellicola</translation>
    </message>
    <message>
        <source>Select a photo</source>
        <translation>Seleziona una foto</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Clic</translation>
    </message>
    <message>
        <source>Add to or take from the selection</source>
        <translation>Aggiungi alla selezione o togli dalla selezione</translation>
    </message>
    <message>
        <source>Ctrl+Click</source>
        <translation>Ctrl+clic</translation>
    </message>
    <message>
        <source>Select a range</source>
        <translation>Seleziona un intervallo</translation>
    </message>
    <message>
        <source>Shift+Click, Shift+Arrow keys</source>
        <translation>Maiusc+clic, Maiusc+frecce</translation>
    </message>
    <message>
        <source>Select with a rectangle</source>
        <translation>Seleziona con un rettangolo</translation>
    </message>
    <message>
        <source>Drag in the grid</source>
        <translation>Trascina nella griglia</translation>
    </message>
    <message>
        <source>Move between photos</source>
        <translation>Passa da una foto all’altra</translation>
    </message>
    <message>
        <source>Arrow keys, Home, End, Page Up, Page Down</source>
        <translation>Frecce, Home, Fine, Pag su, Pag giù</translation>
    </message>
    <message>
        <source>Open the current photo in Develop</source>
        <translation>Apri la foto corrente in Sviluppo</translation>
    </message>
    <message>
        <source>Enter, Double-click</source>
        <translation>Invio, doppio clic</translation>
    </message>
    <message>
        <source>Open a folder or raw file</source>
        <translation>Apri una cartella o un file raw</translation>
    </message>
    <message>
        <source>Drop it on the window</source>
        <translation>Trascinala sulla finestra</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selezionata</numerusform>
            <numerusform>%n selezionate</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the selected photos as JPEG, TIFF, PNG, WebP, AVIF or JPEG XL</source>
        <translation>Esporta le foto selezionate in JPEG, TIFF, PNG, WebP, AVIF o JPEG XL</translation>
    </message>
</context>
<context>
    <name>rf::gui::PanelSection</name>
    <message>
        <source>Reset</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Reset this panel</source>
        <translation>Ripristina questo pannello</translation>
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
        <translation>Doppio clic per ripristinare</translation>
    </message>
</context>
<context>
    <name>rf::gui::PasteDialog</name>
    <message>
        <source>Look (look, strength, vignette, grain)</source>
        <translation>Look (look, intensità, vignettatura, grana)</translation>
    </message>
    <message>
        <source>Tone (exposure, contrast, highlights, shadows…)</source>
        <translation>Tono (esposizione, contrasto, alte luci, ombre…)</translation>
    </message>
    <message>
        <source>Colour (saturation, vibrance)</source>
        <translation>Colore (saturazione, vividezza)</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>Bilanciamento del bianco</translation>
    </message>
    <message>
        <source>Crop, straighten and rotation</source>
        <translation>Ritaglio, raddrizzamento e rotazione</translation>
    </message>
    <message>
        <source>Detail (demosaic)</source>
        <translation>Dettaglio (demosaicizzazione)</translation>
    </message>
    <message>
        <source>Paste Edits</source>
        <translation>Incolla modifiche</translation>
    </message>
    <message>
        <source>Paste these parts of the copied edits:</source>
        <translation>Incolla queste parti delle modifiche copiate:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tutte</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuna</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Incolla</translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoCommands</name>
    <message>
        <source>No Stars</source>
        <translation>Nessuna stella</translation>
    </message>
    <message numerus="yes">
        <source>%n Star(s)</source>
        <translation>
            <numerusform>%n stella</numerusform>
            <numerusform>%n stelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Rate the selected photos</source>
        <translation>Valuta le foto selezionate</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rifiuta</translation>
    </message>
    <message>
        <source>Mark the selected photos as rejected, or take the mark away</source>
        <translation>Segna le foto selezionate come rifiutate, o togli il segno</translation>
    </message>
    <message>
        <source>%1 Label</source>
        <translation>Etichetta: %1</translation>
    </message>
    <message>
        <source>Give the selected photos this colour label, or take it away</source>
        <translation>Dai alle foto selezionate questa etichetta colore, o toglila</translation>
    </message>
    <message>
        <source>No Label</source>
        <translation>Nessuna etichetta</translation>
    </message>
    <message>
        <source>Select a photo first</source>
        <translation>Seleziona prima una foto</translation>
    </message>
    <message numerus="yes">
        <source>Label removed from %n photo(s)</source>
        <translation>
            <numerusform>Etichetta tolta da %n foto</numerusform>
            <numerusform>Etichetta tolta da %n foto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) rated %1</source>
        <translation>
            <numerusform>%n foto valutata %1</numerusform>
            <numerusform>%n foto valutate %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) no longer rejected</source>
        <translation>
            <numerusform>%n foto non più rifiutata</numerusform>
            <numerusform>%n foto non più rifiutate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) rejected</source>
        <translation>
            <numerusform>%n foto rifiutata</numerusform>
            <numerusform>%n foto rifiutate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) labelled %1</source>
        <translation>
            <numerusform>%n foto con etichetta %1</numerusform>
            <numerusform>%n foto con etichetta %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoLibraryModel</name>
    <message>
        <source>%1 (moved aside to %2; a new sidecar was started)</source>
        <translation>%1 (spostato in %2; è stato avviato un nuovo file sidecar)</translation>
    </message>
    <message>
        <source>The edits could not be shown: %1</source>
        <translation>Non è stato possibile mostrare le modifiche: %1</translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoSession</name>
    <message>
        <source>Edit</source>
        <translation>Modifica</translation>
    </message>
</context>
<context>
    <name>rf::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Schermo</translation>
    </message>
    <message>
        <source>sRGB (the usual assumption for an unprofiled monitor)</source>
        <translation>sRGB (l’ipotesi abituale per un monitor senza profilo)</translation>
    </message>
    <message>
        <source>The monitor&apos;s ICC profile:</source>
        <translation>Il profilo ICC del monitor:</translation>
    </message>
    <message>
        <source>/usr/share/color/icc/…</source>
        <translation>/usr/share/color/icc/…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Monitor ICC Profile</source>
        <translation>Profilo ICC del monitor</translation>
    </message>
    <message>
        <source>ICC profiles (*.icc *.icm);;All files (*)</source>
        <translation>Profili ICC (*.icc *.icm);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>%1 is not an ICC profile</source>
        <translation>%1 non è un profilo ICC</translation>
    </message>
    <message>
        <source>%1 is not an RGB profile</source>
        <translation>%1 non è un profilo RGB</translation>
    </message>
    <message>
        <source>%1 is not a display profile (it describes a printer, scanner or colour space); choose the profile made for your monitor</source>
        <translation>%1 non è un profilo per schermi (descrive una stampante, uno scanner o uno spazio colore); scegli il profilo creato per il tuo monitor</translation>
    </message>
    <message>
        <source>Photos are shown as sRGB.</source>
        <translation>Le foto vengono mostrate in sRGB.</translation>
    </message>
    <message>
        <source>Choose the profile your calibration tool made.</source>
        <translation>Scegli il profilo creato dal tuo strumento di calibrazione.</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profilo: %1</translation>
    </message>
</context>
<context>
    <name>rf::gui::RenderController</name>
    <message>
        <source>This raw file holds no JPEG from the camera to compare with</source>
        <translation>Questo file raw non contiene un JPEG della fotocamera con cui confrontare</translation>
    </message>
    <message>
        <source>The camera&apos;s JPEG in this raw file is a %1×%2 thumbnail, too small to compare with</source>
        <translation>Il JPEG della fotocamera in questo file raw è una miniatura di %1×%2, troppo piccola per confrontare</translation>
    </message>
</context>
<context>
    <name>rf::gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasti</translation>
    </message>
</context>
</TS>
