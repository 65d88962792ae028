// SPDX-License-Identifier: GPL-3.0-or-later
// WebP, AVIF and JPEG XL encoders (modern_writers.h): the only user of libwebp, libwebpmux,
// libavif and libjxl. Each encodes into memory and hands back the whole file, so writing it
// is one checked write of a finished buffer (whole-or-nothing, as for the other formats).
//
// Quantisation rounds to nearest at the format's depth without the PNG/TIFF dither: a lossy
// encoder would spend bits on the dither's pattern.
//
// Metadata: the EXIF block and XMP packet Exiv2 made under the policy (metadataToEmbed) go in
// through each format's own container: WebP's EXIF/XMP/ICCP chunks (WebPMux), AVIF's Exif and
// mime items and colr box, JPEG XL's Exif and "xml " boxes with the ICC profile in the
// codestream. Exiv2 0.27 could rewrite a WebP itself but not the other two; one route for
// all three keeps the policy in one place and the file written once.
#include "io/modern_writers.h"

#include <avif/avif.h>
#include <jxl/encode.h>
#include <jxl/parallel_runner.h>
#include <webp/encode.h>
#include <webp/mux.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <iterator>
#include <memory>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"

namespace rf::modern {

namespace {

// ---- one quality scale -------------------------------------------------------------------

// Each row: a JPEG quality (4:2:0, as the web preset) and the setting of each encoder that
// gives the same mean butteraugli 3-norm over ten Kodak pictures and the two real raws at the
// web preset's size (bench/format-quality.sh; the method and the table in
// docs/performance.md). Between rows the setting is interpolated linearly; below and above
// them the end rows hold. Three ends are the encoder's own limit, not a match: JPEG's q100
// (4:2:0) scores better than WebP at 100 and AVIF 4:2:0 at quantizer 0 can, and JPEG's q20
// worse than JPEG XL at distance 8, the end of the sweep.
struct QualityRow {
    int quality;
    double webp;  ///< WebP quality 0..100
    double avif;  ///< AVIF (AV1) quantizer 0..63, lower is better
    double jxl;   ///< JPEG XL butteraugli distance, lower is better
};

constexpr QualityRow kQualityTable[] = {
    {20, 20.9, 42.9, 8.00}, {30, 37.4, 37.6, 6.21}, {40, 50.4, 34.1, 4.76}, {50, 58.9, 31.8, 4.02},
    {60, 68.3, 29.7, 3.37}, {70, 75.8, 25.9, 2.63}, {80, 82.0, 19.9, 2.00}, {85, 85.2, 15.2, 1.62},
    {90, 88.8, 10.3, 1.23}, {95, 93.3, 5.4, 0.85},  {100, 100, 0, 0.51},
};

double column(const QualityRow& r, FileFormat f) {
    switch (f) {
        case FileFormat::WebP:
            return r.webp;
        case FileFormat::Avif:
            return r.avif;
        case FileFormat::Jxl:
            return r.jxl;
        default:
            return 0;
    }
}

// ---- pixels ------------------------------------------------------------------------------

// Interleaved RGB at `maxValue` (255, 1023, 4095 or 65535), rounded to nearest; T is
// uint8_t for 8 bits, uint16_t otherwise.
template <typename T>
std::vector<T> quantise(ConstImageView rgb, float maxValue) {
    const std::size_t rowLen = std::size_t(rgb.width) * 3;
    std::vector<T> out(rowLen * std::size_t(rgb.height));
    parallelFor(0, rgb.height, [&](int b, int e) {
        for (int y = b; y < e; ++y) {
            const float* s = rgb.row(y);
            T* d = out.data() + std::size_t(y) * rowLen;
            for (std::size_t i = 0; i < rowLen; ++i) {
                // max(0, v) first so NaN maps to 0.
                const float v = std::min(1.f, std::max(0.f, s[i]));
                d[i] = static_cast<T>(static_cast<int>(v * maxValue + 0.5f));
            }
        }
    });
    return out;
}

bool contains(const std::vector<int>& v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

std::string depthList(FileFormat f) {
    std::string s;
    for (int d : bitDepthsFor(f)) s += (s.empty() ? "" : ", ") + std::to_string(d);
    return s;
}

// ---- WebP --------------------------------------------------------------------------------

const char* webpErrorText(WebPEncodingError e) {
    switch (e) {
        case VP8_ENC_ERROR_OUT_OF_MEMORY:
        case VP8_ENC_ERROR_BITSTREAM_OUT_OF_MEMORY:
            return "out of memory";
        case VP8_ENC_ERROR_BAD_DIMENSION:
            return "bad dimensions (WebP holds at most 16383×16383)";
        case VP8_ENC_ERROR_PARTITION0_OVERFLOW:
        case VP8_ENC_ERROR_PARTITION_OVERFLOW:
            return "a partition overflowed (the picture is too large at this quality)";
        default:
            return "encoder error";
    }
}

// The encoder's own setting: the one asked for directly (calibration, tests), else the one
// the quality table gives the user's quality.
double encoderSetting(FileFormat format, const EncodeOptions& options) {
    return options.encoderSetting >= 0 ? options.encoderSetting
                                       : settingFor(format, options.quality);
}

std::vector<std::uint8_t> encodeWebp(const std::string& path, ConstImageView rgb,
                                     const EncodeOptions& options,
                                     const std::vector<std::uint8_t>& icc,
                                     const EmbeddedMetadata* metadata) {
    if (rgb.width > WEBP_MAX_DIMENSION || rgb.height > WEBP_MAX_DIMENSION)
        throw Error(path, "image too large for WebP (" + std::to_string(rgb.width) + "×" +
                              std::to_string(rgb.height) + ", the limit is 16383)");
    const double quality = encoderSetting(FileFormat::WebP, options);
    if (quality < 0 || quality > 100)
        throw Error(path, "WebP quality must be 0..100, got " + std::to_string(quality));
    WebPConfig config;
    if (!WebPConfigPreset(&config, WEBP_PRESET_PHOTO, float(quality)))
        throw Error(path, "WebP encoding failed: libwebp version mismatch");
    // Method 4 is cwebp's default: on the two raws at the web size and quality 85, 6 made
    // files 4 % smaller in 1.9× the time, 2 files 3 % larger with a 10 % worse butteraugli
    // score (bench/format-quality.sh speeds). Sharp YUV keeps saturated edges (red on blue)
    // from the greyish fringe that plain 4:2:0 averaging leaves.
    config.method = options.encoderEffort >= 0 ? options.encoderEffort : 4;
    config.use_sharp_yuv = 1;
    if (!WebPValidateConfig(&config)) throw Error(path, "WebP encoding failed: invalid settings");

    WebPPicture picture;
    if (!WebPPictureInit(&picture)) throw Error(path, "WebP encoding failed: version mismatch");
    picture.use_argb = 1;  // sharp YUV converts from ARGB
    picture.width = rgb.width;
    picture.height = rgb.height;
    struct PictureFree {
        WebPPicture* p;
        ~PictureFree() { WebPPictureFree(p); }
    } pictureFree{&picture};
    {
        const std::vector<std::uint8_t> px = quantise<std::uint8_t>(rgb, 255.f);
        if (!WebPPictureImportRGB(&picture, px.data(), rgb.width * 3))
            throw Error(path, "WebP encoding failed: out of memory");
    }
    WebPMemoryWriter writer;
    WebPMemoryWriterInit(&writer);
    struct WriterFree {
        WebPMemoryWriter* w;
        ~WriterFree() { WebPMemoryWriterClear(w); }
    } writerFree{&writer};
    picture.writer = WebPMemoryWrite;
    picture.custom_ptr = &writer;
    if (!WebPEncode(&config, &picture))
        throw Error(path,
                    std::string("WebP encoding failed: ") + webpErrorText(picture.error_code));

    const bool exif = metadata && !metadata->exif.empty();
    const bool xmp = metadata && !metadata->xmp.empty();
    if (icc.empty() && !exif && !xmp) return {writer.mem, writer.mem + writer.size};

    // The extended format (VP8X) with its chunks, in the order the container specifies.
    std::unique_ptr<WebPMux, void (*)(WebPMux*)> mux(WebPMuxNew(), WebPMuxDelete);
    if (!mux) throw Error(path, "WebP encoding failed: out of memory");
    const WebPData bitstream{writer.mem, writer.size};
    auto check = [&](WebPMuxError e, const char* what) {
        if (e != WEBP_MUX_OK)
            throw Error(path, std::string("WebP encoding failed: cannot add the ") + what +
                                  " (libwebpmux error " + std::to_string(int(e)) + ")");
    };
    check(WebPMuxSetImage(mux.get(), &bitstream, 0), "image");
    if (!icc.empty()) {
        const WebPData d{icc.data(), icc.size()};
        check(WebPMuxSetChunk(mux.get(), "ICCP", &d, 0), "ICC profile");
    }
    if (exif) {
        const WebPData d{metadata->exif.data(), metadata->exif.size()};
        check(WebPMuxSetChunk(mux.get(), "EXIF", &d, 0), "EXIF metadata");
    }
    if (xmp) {
        const WebPData d{reinterpret_cast<const std::uint8_t*>(metadata->xmp.data()),
                         metadata->xmp.size()};
        check(WebPMuxSetChunk(mux.get(), "XMP ", &d, 0), "XMP metadata");
    }
    WebPData assembled;
    WebPDataInit(&assembled);
    check(WebPMuxAssemble(mux.get(), &assembled), "container");
    std::vector<std::uint8_t> out(assembled.bytes, assembled.bytes + assembled.size);
    WebPDataClear(&assembled);
    return out;
}

// ---- AVIF --------------------------------------------------------------------------------

// libaom's speed for a still picture: 6 encodes a 2048 px web export in about 1.5 s on two
// cores; 4 and 5 took five times as long for a 5 % better butteraugli score at the same
// size, 8 and 9 were two to five times faster but scored 9–11 % worse (the two raws at
// quality 85, bench/format-quality.sh speeds; docs/performance.md).
constexpr int kAvifSpeed = 6;

std::vector<std::uint8_t> encodeAvif(const std::string& path, ConstImageView rgb,
                                     const EncodeOptions& options,
                                     const std::vector<std::uint8_t>& icc,
                                     const EmbeddedMetadata* metadata) {
    const double setting = encoderSetting(FileFormat::Avif, options);
    if (setting < 0 || setting > 63)
        throw Error(path, "AVIF quantizer must be 0..63, got " + std::to_string(setting));
    const int quantizer = int(std::lround(setting));
    if (avifCodecName(AVIF_CODEC_CHOICE_AOM, AVIF_CODEC_FLAG_CAN_ENCODE) == nullptr)
        throw Error(path, "AVIF encoding failed: this libavif has no libaom encoder");
    const avifPixelFormat yuv =
        options.subsampling == ChromaSubsampling::S444   ? AVIF_PIXEL_FORMAT_YUV444
        : options.subsampling == ChromaSubsampling::S422 ? AVIF_PIXEL_FORMAT_YUV422
                                                         : AVIF_PIXEL_FORMAT_YUV420;
    std::unique_ptr<avifImage, void (*)(avifImage*)> image(
        avifImageCreate(std::uint32_t(rgb.width), std::uint32_t(rgb.height),
                        std::uint32_t(options.bitDepth), yuv),
        avifImageDestroy);
    if (!image) throw Error(path, "AVIF encoding failed: out of memory");
    // The ICC profile says what the RGB means; the YCbCr matrix is AV1's usual BT.601, full
    // range so no code values are lost to headroom.
    image->yuvRange = AVIF_RANGE_FULL;
    image->matrixCoefficients = AVIF_MATRIX_COEFFICIENTS_BT601;
    image->colorPrimaries = AVIF_COLOR_PRIMARIES_UNSPECIFIED;
    image->transferCharacteristics = AVIF_TRANSFER_CHARACTERISTICS_UNSPECIFIED;
    if (!icc.empty()) avifImageSetProfileICC(image.get(), icc.data(), icc.size());
    if (metadata && !metadata->exif.empty())
        avifImageSetMetadataExif(image.get(), metadata->exif.data(), metadata->exif.size());
    if (metadata && !metadata->xmp.empty())
        avifImageSetMetadataXMP(image.get(),
                                reinterpret_cast<const std::uint8_t*>(metadata->xmp.data()),
                                metadata->xmp.size());

    avifRGBImage rgbImage;
    avifRGBImageSetDefaults(&rgbImage, image.get());
    rgbImage.format = AVIF_RGB_FORMAT_RGB;
    avifResult r;
    if (options.bitDepth == 8) {
        std::vector<std::uint8_t> px = quantise<std::uint8_t>(rgb, 255.f);
        rgbImage.pixels = px.data();
        rgbImage.rowBytes = std::uint32_t(rgb.width) * 3;
        r = avifImageRGBToYUV(image.get(), &rgbImage);
    } else {
        std::vector<std::uint16_t> px =
            quantise<std::uint16_t>(rgb, float((1 << options.bitDepth) - 1));
        rgbImage.pixels = reinterpret_cast<std::uint8_t*>(px.data());
        rgbImage.rowBytes = std::uint32_t(rgb.width) * 6;
        r = avifImageRGBToYUV(image.get(), &rgbImage);
    }
    if (r != AVIF_RESULT_OK)
        throw Error(path, std::string("AVIF encoding failed: ") + avifResultToString(r));

    std::unique_ptr<avifEncoder, void (*)(avifEncoder*)> encoder(avifEncoderCreate(),
                                                                 avifEncoderDestroy);
    if (!encoder) throw Error(path, "AVIF encoding failed: out of memory");
    encoder->codecChoice = AVIF_CODEC_CHOICE_AOM;
    // libaom runs its own threads, outside the core's pool: inside a batch task it gets one.
    encoder->maxThreads = inParallelTask() ? 1 : threadCount();
    encoder->speed = options.encoderEffort >= 0 ? options.encoderEffort : kAvifSpeed;
    encoder->minQuantizer = encoder->maxQuantizer = quantizer;
    // Tiles let libaom's threads share a picture; autoTiling picks them from its size.
    encoder->autoTiling = AVIF_TRUE;
    avifRWData output = AVIF_DATA_EMPTY;
    r = avifEncoderWrite(encoder.get(), image.get(), &output);
    if (r != AVIF_RESULT_OK) {
        avifRWDataFree(&output);
        std::string msg = std::string("AVIF encoding failed: ") + avifResultToString(r);
        if (encoder->diag.error[0]) msg += std::string(" (") + encoder->diag.error + ")";
        throw Error(path, msg);
    }
    std::vector<std::uint8_t> out(output.data, output.data + output.size);
    avifRWDataFree(&output);
    return out;
}

// ---- JPEG XL -----------------------------------------------------------------------------

// libjxl's effort (1..9); 7 is cjxl's default, about 0.7 s for a 2048 px picture on two
// cores. 3 made files 6 % larger with a 4 % worse score; 5 and 6 were alike; 8 took 15
// times as long for files 6 % smaller (bench/format-quality.sh speeds).
constexpr int kJxlEffort = 7;

// libjxl's threads come from the core's pool: its work items are spread over slots, one per
// pool thread parallelFor hands out, so a batch lane's encode takes only idle cores.
JxlParallelRetCode runOnPool(void*, void* jxlOpaque, JxlParallelRunInit init,
                             JxlParallelRunFunction func, std::uint32_t start, std::uint32_t end) {
    const int slots = std::max(1, std::min<int>(threadCount(), int(end - start)));
    const JxlParallelRetCode rc = init(jxlOpaque, std::size_t(slots));
    if (rc != 0) return rc;
    std::atomic<std::uint32_t> next{start};
    parallelFor(
        0, slots,
        [&](int b, int e) {
            for (int slot = b; slot < e; ++slot)
                for (std::uint32_t v = next++; v < end; v = next++)
                    func(jxlOpaque, v, std::size_t(slot));
        },
        1);
    return 0;
}

std::vector<std::uint8_t> encodeJxl(const std::string& path, ConstImageView rgb,
                                    const EncodeOptions& options,
                                    const std::vector<std::uint8_t>& icc,
                                    const EmbeddedMetadata* metadata) {
    const double distance = encoderSetting(FileFormat::Jxl, options);
    if (distance < 0.1 || distance > 25)
        throw Error(path, "JPEG XL distance must be 0.1..25, got " + std::to_string(distance));
    std::unique_ptr<JxlEncoder, void (*)(JxlEncoder*)> enc(JxlEncoderCreate(nullptr),
                                                           JxlEncoderDestroy);
    if (!enc) throw Error(path, "JPEG XL encoding failed: out of memory");
    auto check = [&](JxlEncoderStatus s, const char* what) {
        if (s != JXL_ENC_SUCCESS)
            throw Error(path, std::string("JPEG XL encoding failed: ") + what + " (libjxl error " +
                                  std::to_string(int(JxlEncoderGetError(enc.get()))) + ")");
    };
    check(JxlEncoderSetParallelRunner(enc.get(), runOnPool, nullptr), "cannot set threads");
    const bool exif = metadata && !metadata->exif.empty();
    const bool xmp = metadata && !metadata->xmp.empty();
    if (exif || xmp) {
        check(JxlEncoderUseContainer(enc.get(), JXL_TRUE), "cannot use the container");
        check(JxlEncoderUseBoxes(enc.get()), "cannot use metadata boxes");
    }

    JxlBasicInfo info;
    JxlEncoderInitBasicInfo(&info);
    info.xsize = std::uint32_t(rgb.width);
    info.ysize = std::uint32_t(rgb.height);
    info.bits_per_sample = std::uint32_t(options.bitDepth);
    info.num_color_channels = 3;
    info.uses_original_profile = JXL_FALSE;  // lossy: XYB, with the profile to return to
    check(JxlEncoderSetBasicInfo(enc.get(), &info), "cannot set the image header");
    if (!icc.empty()) {
        check(JxlEncoderSetICCProfile(enc.get(), icc.data(), icc.size()),
              "the ICC profile was refused");
    } else {
        JxlColorEncoding srgb;
        JxlColorEncodingSetToSRGB(&srgb, JXL_FALSE);
        check(JxlEncoderSetColorEncoding(enc.get(), &srgb), "cannot set sRGB");
    }
    // Boxes before the frame, so a reader finds the metadata before the codestream. The
    // Exif box starts with the offset of the TIFF header within it: 0.
    if (exif) {
        std::vector<std::uint8_t> box(4, 0);
        box.insert(box.end(), metadata->exif.begin(), metadata->exif.end());
        check(JxlEncoderAddBox(enc.get(), "Exif", box.data(), box.size(), JXL_FALSE),
              "cannot add the EXIF box");
    }
    if (xmp)
        check(JxlEncoderAddBox(enc.get(), "xml ",
                               reinterpret_cast<const std::uint8_t*>(metadata->xmp.data()),
                               metadata->xmp.size(), JXL_FALSE),
              "cannot add the XMP box");
    if (exif || xmp) JxlEncoderCloseBoxes(enc.get());

    JxlEncoderFrameSettings* frame = JxlEncoderFrameSettingsCreate(enc.get(), nullptr);
    if (!frame) throw Error(path, "JPEG XL encoding failed: out of memory");
    check(JxlEncoderSetFrameDistance(frame, float(distance)), "invalid distance");
    check(JxlEncoderFrameSettingsSetOption(
              frame, JXL_ENC_FRAME_SETTING_EFFORT,
              options.encoderEffort >= 0 ? options.encoderEffort : kJxlEffort),
          "invalid effort");
    if (options.bitDepth == 8) {
        const std::vector<std::uint8_t> px = quantise<std::uint8_t>(rgb, 255.f);
        const JxlPixelFormat format{3, JXL_TYPE_UINT8, JXL_NATIVE_ENDIAN, 0};
        check(JxlEncoderAddImageFrame(frame, &format, px.data(), px.size()),
              "cannot add the image");
    } else {
        // 16-bit samples over their whole range; bits_per_sample tells a decoder the depth
        // to return.
        const std::vector<std::uint16_t> px = quantise<std::uint16_t>(rgb, 65535.f);
        const JxlPixelFormat format{3, JXL_TYPE_UINT16, JXL_NATIVE_ENDIAN, 0};
        check(JxlEncoderAddImageFrame(frame, &format, px.data(), px.size() * 2),
              "cannot add the image");
    }
    JxlEncoderCloseInput(enc.get());

    std::vector<std::uint8_t> out(64 * 1024);
    std::size_t used = 0;
    for (;;) {
        std::uint8_t* next = out.data() + used;
        std::size_t avail = out.size() - used;
        const JxlEncoderStatus s = JxlEncoderProcessOutput(enc.get(), &next, &avail);
        used = std::size_t(next - out.data());
        if (s == JXL_ENC_SUCCESS) break;
        if (s != JXL_ENC_NEED_MORE_OUTPUT) check(s, "cannot compress");
        out.resize(out.size() * 2);
    }
    out.resize(used);
    return out;
}

}  // namespace

double settingFor(FileFormat format, int quality) {
    const auto first = std::begin(kQualityTable);
    const auto last = std::end(kQualityTable) - 1;
    if (quality <= first->quality) return column(*first, format);
    if (quality >= last->quality) return column(*last, format);
    const auto hi =
        std::find_if(first, last + 1, [&](const QualityRow& r) { return r.quality >= quality; });
    const auto lo = hi - 1;
    const double t = double(quality - lo->quality) / double(hi->quality - lo->quality);
    return column(*lo, format) + t * (column(*hi, format) - column(*lo, format));
}

std::vector<std::uint8_t> encode(const std::string& path, ConstImageView rgb,
                                 const EncodeOptions& options, const std::vector<std::uint8_t>& icc,
                                 const EmbeddedMetadata* metadata) {
    if (!contains(bitDepthsFor(options.format), options.bitDepth))
        throw Error(path, std::string(fileExtension(options.format)) + " cannot be written at " +
                              std::to_string(options.bitDepth) + " bits per channel (it takes " +
                              depthList(options.format) + ")");
    if (options.quality < 1 || options.quality > 100)
        throw Error(path, "quality must be 1..100, got " + std::to_string(options.quality));
    switch (options.format) {
        case FileFormat::WebP:
            return encodeWebp(path, rgb, options, icc, metadata);
        case FileFormat::Avif:
            return encodeAvif(path, rgb, options, icc, metadata);
        case FileFormat::Jxl:
            return encodeJxl(path, rgb, options, icc, metadata);
        default:
            break;
    }
    throw Error(path, "not a WebP, AVIF or JPEG XL export");
}

}  // namespace rf::modern
