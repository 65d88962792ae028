// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic ground truth. A ColorChecker-24 scene defined in colorimetric terms is "taken"
// through a known XYZ→camera matrix and white balance, mosaiced through any Bayer phase and
// written as a DNG that LibRaw reads. Because every step is known, what the pipeline renders
// can be compared with the truth by CIEDE2000. Used by the tests, the benchmarks and the
// sample the README's first command exports. A real camera's mosaic, altered in memory, is
// written back the same way, so that a test can decode it as any other raw file.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/raw.h"

namespace rf::synth {

struct Patch {
    const char* name;
    Vec3 lab;  ///< CIE L*a*b*, D50 (BabelColor average)
};
/// The 24 patches in the usual order (dark skin … black).
const std::array<Patch, 24>& colorChecker();

/// The patch's colour as linear sRGB (D65), via Bradford from D50.
Vec3 patchLinearSRGB(const Patch& p);

/// Where patch i (row-major, 6 × 4) lies in a chart of the given size; a margin inside each
/// cell is left out so measurements avoid the edges.
Rect patchRect(int index, int width, int height, double inset = 0.2);

/// A linear-sRGB scene: the 24 patches on a dark grey surround.
Image renderChart(int width, int height);

/// A few cameras' XYZ(D65)→camera matrices, as DNG ColorMatrix2 would hold them.
Mat3 cameraMatrixA();  ///< a typical modern CMOS (strong green)
Mat3 cameraMatrixB();  ///< a different, older sensor

/// A GainMap opcode (DNG 1.4 §7, opcode 9) as DngOptions writes it into OpcodeList2. The
/// area, pitches and planes are in the pixels of the active area (of the whole image without
/// one), as the specification places OpcodeList2; origin and spacing are fractions of its
/// height and width. `gains` is [pointsV][pointsH][mapPlanes].
struct GainMapSpec {
    std::uint32_t top = 0, left = 0;
    std::uint32_t bottom = 0, right = 0;  ///< 0: the active area's height / width
    std::uint32_t plane = 0, planes = 1, rowPitch = 1, colPitch = 1;
    std::uint32_t pointsV = 1, pointsH = 1;
    double spacingV = 1, spacingH = 1, originV = 0, originH = 0;
    std::uint32_t mapPlanes = 1;
    std::vector<float> gains;
    bool optional = false;  ///< the opcode's "optional" flag
};

/// A phone's lens shading as one map for all sites: gain 1 + strength · r² on a
/// `points` × `points` grid spanning the image, r the distance from its centre divided by the
/// half diagonal (1 at the corners).
GainMapSpec radialGainMap(int points, double strength);

/// The gain `map` gives the pixel at (x, y) of a `width` × `height` image (the active area),
/// interpolated bilinearly between map points at pixel centres and held outside them; 1 for
/// a pixel its area, pitches or planes leave out. What a reader must multiply by.
double gainMapGain(const GainMapSpec& map, int x, int y, int plane, int width, int height);

/// WarpRectilinear (opcode 1) and FixVignetteRadial (opcode 3) as written into OpcodeList3:
/// coefficients as the specification orders them, the centre as fractions of the image.
struct WarpRectilinearSpec {
    int planes = 1;
    std::array<std::array<double, 6>, 3> coefficients{};
    double centerX = 0.5, centerY = 0.5;
};
struct VignetteRadialSpec {
    std::array<double, 5> k{};
    double centerX = 0.5, centerY = 0.5;
};

/// How a scene becomes sensor values (the exposure rule the colour tests rely on):
///
///   camera = k · cameraFromXYZ · Bradford(D65 → illuminant) · XYZ(D65)←linear sRGB · scene
///   DN     = clamp(round(blackLevel + camera + noise), 0, whiteLevel)
///
/// with k chosen so that a neutral of luminance Y = 1 under the illuminant (XYZ = the
/// illuminant's white, Y = 1) reaches `exposureScale` × (whiteLevel − blackLevel) above black
/// in the LARGEST of its three camera channels (green, for every matrix and illuminant here).
/// After decoding (0 = black, 1 = white), white balancing with multipliers whose smallest is
/// 1 (= 1/AsShotNeutral scaled so the neutral's largest channel keeps its value) and a camera
/// → XYZ matrix that maps a balanced neutral (1,1,1) to the white at Y = 1, the scene comes
/// back multiplied by exposureScale. Exactly −log2(exposureScale) EV restores it, and that is
/// what the file's BaselineExposure tag says (written unless `writeBaselineExposure` is
/// false; LibRaw reports it and rf::decodeRaw returns it as `baselineExposureEv`).
///
/// The DNG holds ColorMatrix1 = cameraFromXYZ with CalibrationIlluminant1 = D65, AsShotNeutral
/// = the camera response to the illuminant scaled to a maximum of 1, BlackLevel, WhiteLevel,
/// Orientation, Make, Model and UniqueCameraModel ("Make Model"), 16-bit uncompressed or in
/// lossless JPEG tiles; optionally a black border, ActiveArea and the default crop.
struct DngOptions {
    CfaPattern cfa{0, 1, 1, 2};
    Mat3 cameraFromXYZ = cameraMatrixA();
    Vec3 illuminantXYZ = kD65;   ///< scene light: sets the as-shot neutral (scaled to Y = 1)
    double exposureScale = 0.5;  ///< scene Y = 1 neutral → this fraction of the white range in
                                 ///< its largest camera channel (see above)
    int blackLevel = 512;
    int whiteLevel = 16383;
    bool linear = false;  ///< write 3-channel LinearRaw instead of a CFA
    int orientation = 1;
    double noise = 0;  ///< std-dev of added Gaussian noise, in fractions of
                       ///< (white − black); the same seed every time
    /// Not 0: photon (shot) noise as a sensor collects it, Poisson with this many
    /// photo-electrons at the white level, so a site's variance is x/photonsAtWhite + noise²
    /// in fractions of the white range (a Poisson–Gaussian sensor; a high ISO has fewer).
    double photonsAtWhite = 0;
    std::uint64_t noiseSeed = 0;  ///< mixed into the per-row seeds: another noise draw
    std::string make = "Rangefinder", model = "Synthetic Chart";
    bool writeBaselineExposure = true;  ///< BaselineExposure = −log2(exposureScale)
    /// When set, the BaselineExposure written instead of −log2(exposureScale): a file whose
    /// tag disagrees with its data, as some cameras' do.
    std::optional<double> baselineExposureEv;
    std::string artist, copyright;  ///< written as TIFF Artist / Copyright when not empty
    /// Write Fujifilm's 6×6 X-Trans layout (kXTrans) instead of the 2×2 `cfa`, to exercise
    /// the decoder's non-Bayer path.
    bool xtrans = false;
    /// When not 0, the ImageWidth / ImageLength the header claims instead of the scene's: a
    /// hostile or broken file whose strip holds only the scene's pixels (limit tests).
    std::uint32_t claimedWidth = 0, claimedHeight = 0;
    /// Not 0: the CFA as lossless JPEG (Compression 7) tiles of this size, each row of a tile
    /// coded as `ljpegComponents` interleaved components, as Adobe's converter and phones
    /// write DNGs; edge tiles are padded by repeating the last column and row. 0: one
    /// uncompressed strip.
    int ljpegTileWidth = 0, ljpegTileHeight = 0;
    int ljpegComponents = 2;
    int ljpegPredictor = 1;
    /// Uncompressed data (no lossless JPEG tiles): the bits per sample, 1–16. Below 16 the
    /// samples are packed most significant bit first, each row starting on a byte, as TIFF
    /// and DNG pack them; `whiteLevel` must fit.
    int uncompressedBits = 16;
    /// Uncompressed data in strips of this many rows (0: one strip), with `stripGap` unused
    /// bytes between one strip and the next.
    int rowsPerStrip = 0;
    int stripGap = 0;
    /// The file in big-endian byte order ("MM"): tags, and 16-bit samples.
    bool bigEndian = false;
    /// Not empty: written as the LinearizationTable (tag 50712), which a reader maps every
    /// stored value through; the stored values are the scene's as without it, so they must
    /// index the table.
    std::vector<std::uint16_t> linearizationTable;

    /// Columns and rows written around the scene at exactly the black level, as a sensor's
    /// masked borders (or a video camera's unused columns) read: scene pixel (x, y) lands at
    /// (x + left, y + top) of the written image, which is that much larger than the scene.
    struct Border {
        int left = 0, top = 0, right = 0, bottom = 0;
    };
    Border blackBorder;
    /// ActiveArea, in written-image pixels; written when not empty. The CFA layout (`cfa`,
    /// `xtrans`) then starts at its top-left corner, as the DNG specification has it.
    Rect activeArea;
    /// DefaultCropOrigin (x, y) and DefaultCropSize (width, height), relative to the top-left
    /// of the active area (of the image, without one) as the DNG specification places them;
    /// written when the size is not 0. Not checked against the image, so that tests can
    /// write crops a decoder must ignore.
    Rect defaultCrop;

    /// OpcodeList2, as phones write their lens shading: the gain maps in this order. The scene
    /// is darkened by them (each selected site's value above black divided by its gain,
    /// before noise and rounding), so a reader that applies them recovers the scene and one
    /// that ignores them sees the shading.
    std::vector<GainMapSpec> gainMaps;
    /// OpcodeList3: the lens opcodes, written but not applied to the data (the decoder only
    /// passes them on).
    std::optional<WarpRectilinearSpec> warp;
    std::optional<VignetteRadialSpec> vignette;
    /// Not empty: written as OpcodeList1, 2 or 3 verbatim in place of what the fields above
    /// make of it (broken lists, unknown opcodes). The data is still darkened by `gainMaps`.
    std::vector<std::uint8_t> opcodeList1Bytes, opcodeList2Bytes, opcodeList3Bytes;
};

/// The bytes of an opcode list (big-endian, as the specification has them) holding `o`'s gain
/// maps (list 2) or lens opcodes (list 3), for tests that break them before writing. A map's
/// bottom and right left at 0 are written as `height` and `width` (the active area's, as
/// writeDng does), or as 2³² − 1 when those are 0.
std::vector<std::uint8_t> opcodeListBytes(const DngOptions& o, int list, int width = 0,
                                          int height = 0);

/// A Huffman table as a JPEG DHT segment holds it: how many codes of each length 1..16, then
/// the symbols (difference categories) in code order.
struct HuffmanSpec {
    std::array<std::uint8_t, 16> counts{};
    std::vector<std::uint8_t> symbols;
};

struct LosslessJpegOptions {
    int bits = 16;      ///< sample precision in the frame header (17 only to test refusals)
    int predictor = 1;  ///< T.81 selection value; 0 and 8+ are written as given
    /// Tables at DHT indices 0, 1, …; component c codes with table min(c, last). Empty: one
    /// table sized to the data (T.81 Annex K).
    std::vector<HuffmanSpec> tables;
    // What a decoder must cope with or decline:
    int restartInterval = 0;          ///< > 0: a DRI segment (no restart markers are written)
    int firstSamplingFactors = 0x11;  ///< the first component's H/V byte (0x21: Canon sRAW)
    bool padAfterFrame = false;       ///< a byte after the frame header, as dcraw expects of
                                      ///< one-component frames outside DNG
};

/// `samples` (high rows of wide × clrs interleaved values) as a lossless JPEG stream, SOI to
/// EOI. `stuffedBytes`, when given, receives how many 0xFF data bytes needed a stuffed zero.
std::vector<std::uint8_t> encodeLosslessJpeg(const std::uint16_t* samples, int wide, int high,
                                             int clrs, const LosslessJpegOptions& options,
                                             int* stuffedBytes = nullptr);

/// The X-Trans layout `xtrans` writes, [row % 6][col % 6], 0 = R, 1 = G, 2 = B.
extern const std::uint8_t kXTrans[6][6];

/// The DN above black per unit of camera response (the k above, times white − black).
double dngExposureGain(const DngOptions& o);
/// AsShotNeutral as written: cameraFromXYZ · illuminant (Y = 1), scaled to a maximum of 1.
Vec3 dngAsShotNeutral(const DngOptions& o);

/// Writes `sceneLinearSRGB` (3 channels, linear sRGB, D65) as a DNG. Throws rf::Error on
/// invalid options or write failure.
void writeDng(const std::string& path, ConstImageView sceneLinearSRGB, const DngOptions& o);

/// A real camera's sensor data, changed in memory (exposed differently, cropped, cut to a
/// pattern), written back as a raw file so that a test sees it the way users' files are seen:
/// through rf::decodeRaw, its clipping and quantisation, and a fresh auto white balance,
/// rather than as a RawImage patched by hand that no decoder produced. Unlike writeDng there
/// is no scene and no exposure rule: the values are the camera's, and the decode gives them
/// back to within one DN.
///
/// The DNG holds the mosaic as one uncompressed 16-bit CFA strip,
///   DN = clamp(round(blackLevel + v · (whiteLevel − blackLevel)), 0, whiteLevel)
/// (values a little below black, the sensor's noise, survive down to DN 0), with ColorMatrix1
/// = cameraFromXYZ under CalibrationIlluminant1 = D65, AsShotNeutral = the multipliers'
/// reciprocals scaled to a maximum of 1, BlackLevel, WhiteLevel, Orientation, Make, Model and
/// UniqueCameraModel.
struct MosaicDngOptions {
    CfaPattern cfa{0, 1, 1, 2};
    Mat3 cameraFromXYZ = cameraMatrixA();
    /// Camera RGB multipliers of the as-shot white balance, as RawImage::asShotMultipliers
    /// holds them; they decode normalised so that green = 1.
    std::array<float, 3> asShotMultipliers{1, 1, 1};
    /// A 12-bit camera's levels (Canon's of the 2000s): the defaults keep 128 DN of footroom.
    int blackLevel = 128;
    int whiteLevel = 4095;
    int orientation = 1;
    std::string make = "Rangefinder", model = "Synthetic Mosaic";
    /// Written as BaselineExposure when set. Left unset, the file renders as a raw without the
    /// tag does (the standard +1 EV placement), as the camera's own files would.
    std::optional<double> baselineExposureEv;
    /// The shot's lens, as EXIF writes it (LensMake, LensModel, FocalLength, FNumber,
    /// FocalLengthIn35mmFilm), each written when set: what finds a lens profile.
    std::string lensMake, lensModel;
    double focalLength = 0, fNumber = 0;
    int focalLength35mm = 0;
};

/// Writes `mosaic` (1 channel, 0 = black, 1 = white, as RawImage::mosaic holds a Bayer
/// decode; coordinates as `o.cfa` counts them) as a DNG. Throws rf::Error on invalid options,
/// NaN values or write failure.
void writeMosaicDng(const std::string& path, ConstImageView mosaic, const MosaicDngOptions& o);

/// A lens as lensfun's database describes it at one focal length and aperture, for ground
/// truth: PTLens distortion r_d = r_u (a r_u³ + b r_u² + c r_u + 1 − a − b − c), poly3 TCA
/// r_R = r_d (br r_d² + cr r_d + vr) (and blue alike), PA vignetting 1 + k1 ρ² + k2 ρ⁴ + k3 ρ⁶,
/// in lensfun's normalisation: r is the distance from the frame's centre in units of half the
/// calibration sensor's short side (so scaled by the crop factors' ratio), ρ = r / √(aspect² + 1).
struct LensTruth {
    double a = 0, b = 0, c = 0;
    double vr = 1, cr = 0, br = 0, vb = 1, cb = 0, bb = 0;
    double k1 = 0, k2 = 0, k3 = 0;
    double calibrationCrop = 1, calibrationAspect = 1.5;
    double crop = 1;  ///< the camera's crop factor
};

/// A Bayer mosaic (width × height, 1 channel, CFA `cfa`) of a scene seen through `lens`:
/// each site reads the scene at the undistorted position of its colour (the radial models
/// inverted by Newton's method), darkened by the vignetting there. `scene(x, y, c)` is the
/// value of plane c at a position of the corrected frame, in pixel indices.
template <class Scene>
Image lensMosaic(int width, int height, const CfaPattern& cfa, const LensTruth& lens,
                 const Scene& scene);
Image lensMosaicOf(int width, int height, const CfaPattern& cfa, const LensTruth& lens,
                   double (*scene)(double x, double y, int c, const void* ctx), const void* ctx);
template <class Scene>
Image lensMosaic(int width, int height, const CfaPattern& cfa, const LensTruth& lens,
                 const Scene& scene) {
    return lensMosaicOf(
        width, height, cfa, lens,
        [](double x, double y, int c, const void* ctx) {
            return (*static_cast<const Scene*>(ctx))(x, y, c);
        },
        &scene);
}

}  // namespace rf::synth
