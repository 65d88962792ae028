// SPDX-License-Identifier: GPL-3.0-or-later
// WebP, AVIF and JPEG XL as other programs read them: every file Rangefinder writes is decoded
// by the format's independent decoder (dwebp, avifdec, djxl from Debian's webp, libavif-bin
// and libjxl-tools) at the right size and close to the pixels given; its ICC profile is ours
// (the same bytes in WebP and AVIF; in JPEG XL, which keeps a profile it can describe as an
// encoding rather than as bytes, the decoded profile's colorants); exiftool reads the EXIF
// and XMP the metadata policy allows, with GPS and place gone under the web presets' policy
// and kept under "all". The command line writes each format from a raw by preset and
// --format, with the format's extension.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/writer.h"
#include "support/test_support.h"
#include "support/writer_fixtures.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Decoder {
    FileFormat format;
    std::string tool;  ///< the independent decoder's command
};
const Decoder kDecoders[] = {
    {FileFormat::WebP, "dwebp"}, {FileFormat::Avif, "avifdec"}, {FileFormat::Jxl, "djxl"}};

bool haveTool(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// The tool's decode of `file` into `png`, read by OpenCV as RGB (8 or 16 bits).
cv::Mat decodeWith(const Decoder& d, const std::string& file, const std::string& png) {
    const std::string cmd =
        d.format == FileFormat::WebP
            ? "dwebp " + test::shellQuote(file) + " -o " + test::shellQuote(png)
            : d.tool + " " + test::shellQuote(file) + " " + test::shellQuote(png);
    std::string log;
    if (test::runCommand(cmd, log) != 0) {
        ADD_FAILURE() << cmd << " failed:\n" << log;
        return {};
    }
    cv::Mat bgr = cv::imread(png, cv::IMREAD_UNCHANGED);
    cv::Mat rgb;
    if (!bgr.empty()) cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

json exiftoolJson(const std::string& path) {
    const json j = json::parse(test::runCommand("exiftool -j -a -G0:1 " + test::shellQuote(path)),
                               nullptr, false);
    return j.is_array() && !j.empty() ? j[0] : json::object();
}

bool anyTagContains(const json& j, const std::string& needle) {
    for (const auto& [k, v] : j.items())
        if (k.rfind("ICC_Profile:", 0) != 0 && k.rfind("File:", 0) != 0 &&
            k.find(needle) != std::string::npos)
            return true;
    return false;
}

std::string str(const json& j, const std::string& key) {
    if (!j.contains(key)) return "<missing " + key + ">";
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

// The profile's red, green and blue colorants (XYZ, D50), as exiftool reads them.
std::vector<double> colorants(const std::string& iccOrImage) {
    const json j = exiftoolJson(iccOrImage);
    std::vector<double> v;
    for (const std::string c : {":RedMatrixColumn", ":GreenMatrixColumn", ":BlueMatrixColumn"})
        for (const auto& [k, value] : j.items())
            if (k.size() > c.size() && k.compare(k.size() - c.size(), c.size(), c) == 0) {
                std::istringstream in(value.get<std::string>());
                double x;
                while (in >> x) v.push_back(x);
            }
    return v;
}

// Colorants as an encoding turns them back into a profile: equal to a few in 10⁴.
void expectColorants(const std::vector<double>& got, const std::vector<double>& want,
                     const std::string& what) {
    ASSERT_EQ(got.size(), want.size()) << what << " has no matrix profile";
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-3) << what << i;
}

Image testImage(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = 0.1f + 0.8f * float(x) / float(w);
            img.at(x, y, 1) = 0.1f + 0.8f * float(y) / float(h);
            img.at(x, y, 2) = 0.5f + 0.3f * std::sin(float(x) * 0.05f) * std::cos(float(y) * 0.07f);
        }
    return img;
}

class WebFormats : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!test::haveExiftool()) GTEST_SKIP() << "exiftool not installed";
        for (const auto& d : kDecoders)
            if (!haveTool(d.tool))
                GTEST_SKIP() << d.tool
                             << " not installed (scripts/install-deps.sh installs webp, "
                                "libavif-bin and libjxl-tools)";
        if (!haveTool("webpmux")) GTEST_SKIP() << "webpmux not installed (package webp)";
        // A source with a camera's EXIF, GPS in EXIF and XMP, an IPTC place, an artist.
        EncodeOptions jpeg;
        writeImage(dir_.str("source.jpg"), image_.cview(), jpeg, {});
        const std::string cmd =
            "exiftool -q -overwrite_original -Make=Canon '-Model=Canon EOS 30D' "
            "-ExposureTime=1/250 -FNumber=5.6 -ISO=400 '-DateTimeOriginal=2024:05:01 10:00:00' "
            "-GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E "
            "-XMP:GPSLatitude=48.8584N -IPTC:City=Paris '-Artist=Camera Owner' " +
            test::shellQuote(dir_.str("source.jpg"));
        ASSERT_EQ(std::system(cmd.c_str()), 0);
        ASSERT_TRUE(exiftoolJson(dir_.str("source.jpg")).contains("EXIF:GPS:GPSLatitude"));
    }

    std::string write(FileFormat f, const std::string& name, MetadataMode mode,
                      OutputSpace space = OutputSpace::SRGB, int bitDepth = 8) {
        EncodeOptions o;
        o.format = f;
        o.quality = 90;
        o.bitDepth = bitDepth;
        MetadataPolicy policy;
        policy.mode = mode;
        const EmbeddedMetadata m =
            metadataToEmbed(dir_.str("source.jpg"), {}, w_, h_, policy, nullptr);
        const std::string out = dir_.str(name + "." + fileExtension(f));
        // The profile as written (a profile made later has another creation time).
        icc_ = iccProfileFor(space);
        writeImage(out, image_.cview(), o, icc_, &m);
        return out;
    }

    const int w_ = 320, h_ = 200;
    Image image_ = testImage(320, 200);
    std::vector<std::uint8_t> icc_;
    test::TempDir dir_{"web-formats"};
};

}  // namespace

TEST_F(WebFormats, IndependentDecodersReadSizePixelsAndProfile) {
    for (const auto& d : kDecoders)
        for (OutputSpace space :
             {OutputSpace::SRGB, OutputSpace::DisplayP3, OutputSpace::AdobeRGB}) {
            const std::string name =
                std::string(fileExtension(d.format)) + "-" + std::to_string(int(space));
            SCOPED_TRACE(name);
            const std::string file = write(d.format, name, MetadataMode::NoLocation, space);
            const std::string png = dir_.str(name + "-decoded.png");
            const std::string origIcc = dir_.str(name + "-orig.icc");
            const Decoder jxlWithProfile{FileFormat::Jxl,
                                         "djxl --orig_icc_out=" + test::shellQuote(origIcc)};
            const cv::Mat rgb =
                decodeWith(d.format == FileFormat::Jxl ? jxlWithProfile : d, file, png);
            ASSERT_FALSE(rgb.empty());
            EXPECT_EQ(rgb.cols, w_);
            EXPECT_EQ(rgb.rows, h_);

            const std::vector<std::uint8_t> icc = icc_;
            // djxl 0.7 returns a picture whose profile it keeps as bytes (Adobe RGB's: a pure
            // gamma it does not map to an encoding) in linear sRGB, not in that profile.
            bool decodedInOurSpace = true;
            if (d.format == FileFormat::WebP) {
                const std::string got = dir_.str(name + ".icc");
                ASSERT_EQ(std::system(("webpmux -get icc " + test::shellQuote(file) + " -o " +
                                       test::shellQuote(got) + " >/dev/null 2>&1")
                                          .c_str()),
                          0);
                const std::string bytes = test::readFile(got);
                EXPECT_EQ(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), icc);
            } else if (d.format == FileFormat::Avif) {
                EXPECT_EQ(test::extractIcc(file), icc);  // the colr box
                EXPECT_EQ(test::extractIcc(png), icc);   // what avifdec hands on
            } else {
                // JPEG XL keeps the profile as bytes or, when it can, as an encoding (sRGB,
                // Display P3); either way the original profile djxl reports has our colorants.
                const std::string orig = test::readFile(origIcc);
                const std::string ours = dir_.str(name + "-ours.icc");
                std::ofstream(ours, std::ios::binary)
                    .write(reinterpret_cast<const char*>(icc.data()), std::streamsize(icc.size()));
                const auto want = colorants(ours);
                const auto got = colorants(origIcc);
                ASSERT_EQ(want.size(), 9u);
                expectColorants(got, want, "djxl's original profile");
                if (std::vector<std::uint8_t>(orig.begin(), orig.end()) == icc)
                    decodedInOurSpace = false;  // kept as bytes: see above
                else
                    expectColorants(colorants(png), want, "djxl's output");
            }
            if (!decodedInOurSpace) continue;
            // The decoder returns the pixels in the file's colour space: close to what was
            // written (a smooth picture at quality 90 loses a few codes at most).
            const double scale = rgb.depth() == CV_16U ? 65535.0 : 255.0;
            double err = 0;
            for (int y = 0; y < h_; ++y)
                for (int x = 0; x < w_; ++x)
                    for (int c = 0; c < 3; ++c) {
                        const double v = rgb.depth() == CV_16U ? rgb.at<cv::Vec3w>(y, x)[c]
                                                               : rgb.at<cv::Vec3b>(y, x)[c];
                        err += std::abs(v / scale - image_.at(x, y, c));
                    }
            EXPECT_LT(err / (w_ * h_ * 3) * 255, 2.0) << "mean error in 8-bit codes";
        }
}

TEST_F(WebFormats, MetadataPolicyAppliesAsExiftoolReadsIt) {
    for (const auto& d : kDecoders) {
        SCOPED_TRACE(fileExtension(d.format));
        {
            const json j = exiftoolJson(write(d.format, "web", MetadataMode::NoLocation));
            EXPECT_EQ(str(j, "EXIF:IFD0:Make"), "Canon") << j.dump(1);
            EXPECT_EQ(str(j, "EXIF:IFD0:Model"), "Canon EOS 30D");
            EXPECT_EQ(str(j, "EXIF:ExifIFD:FNumber"), "5.6");
            EXPECT_EQ(str(j, "EXIF:ExifIFD:ExifImageWidth"), std::to_string(w_));
            EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Camera Owner");
            EXPECT_EQ(str(j, "XMP:XMP-dc:Creator"), "Camera Owner");
            EXPECT_EQ(str(j, "XMP:XMP-xmp:CreatorTool").rfind("Rangefinder", 0), 0u);
            EXPECT_FALSE(anyTagContains(j, "GPS")) << j.dump(1);
            EXPECT_FALSE(anyTagContains(j, "City")) << j.dump(1);
        }
        {
            const json j = exiftoolJson(write(d.format, "all", MetadataMode::All));
            EXPECT_EQ(str(j, "EXIF:GPS:GPSLatitudeRef"), "North") << j.dump(1);
            EXPECT_TRUE(j.contains("XMP:XMP-exif:GPSLatitude")) << j.dump(1);
            EXPECT_EQ(str(j, "XMP:XMP-photoshop:City"), "Paris") << "IPTC's place, as XMP";
        }
        {
            const json j = exiftoolJson(write(d.format, "none", MetadataMode::None));
            EXPECT_FALSE(anyTagContains(j, "EXIF:")) << j.dump(1);
            EXPECT_FALSE(anyTagContains(j, "XMP:")) << j.dump(1);
            if (d.format != FileFormat::Jxl) {  // its profile is in the codestream
                EXPECT_EQ(
                    test::extractIcc(dir_.str(std::string("none.") + fileExtension(d.format))),
                    icc_)
                    << "the profile stays";
            }
        }
    }
}

TEST_F(WebFormats, HighBitDepthsReachTheDecoder) {
    for (const auto& [format, depth] :
         std::vector<std::pair<FileFormat, int>>{{FileFormat::Avif, 10},
                                                 {FileFormat::Avif, 12},
                                                 {FileFormat::Jxl, 10},
                                                 {FileFormat::Jxl, 16}}) {
        const std::string name =
            std::string(fileExtension(format)) + "-" + std::to_string(depth) + "bit";
        SCOPED_TRACE(name);
        const std::string file =
            write(format, name, MetadataMode::NoLocation, OutputSpace::SRGB, depth);
        std::string info;
        if (format == FileFormat::Avif) {
            ASSERT_EQ(test::runCommand("avifdec --info " + test::shellQuote(file), info), 0);
            EXPECT_NE(info.find("Bit Depth      : " + std::to_string(depth)), std::string::npos)
                << info;
        } else {
            ASSERT_EQ(test::runCommand("jxlinfo " + test::shellQuote(file), info), 0);
            EXPECT_NE(info.find(std::to_string(depth) + "-bit RGB"), std::string::npos) << info;
        }
        const Decoder& d = format == FileFormat::Avif ? kDecoders[1] : kDecoders[2];
        const cv::Mat rgb = decodeWith(d, file, dir_.str(name + ".png"));
        ASSERT_FALSE(rgb.empty());
        EXPECT_EQ(rgb.depth(), CV_16U) << "more than 8 bits come back as 16-bit PNG";
    }
}

TEST_F(WebFormats, DepthsAndQualitiesTheFormatLacksAreRefusedLeavingNothing) {
    for (const auto& [format, depth] : std::vector<std::pair<FileFormat, int>>{
             {FileFormat::WebP, 10}, {FileFormat::WebP, 16}, {FileFormat::Avif, 16}}) {
        const std::string out = dir_.str(std::string("bad.") + fileExtension(format));
        EncodeOptions o;
        o.format = format;
        o.bitDepth = depth;
        try {
            writeImage(out, image_.cview(), o, {});
            ADD_FAILURE() << fileExtension(format) << " at " << depth << " bits was written";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(out), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(std::to_string(depth) + " bits"),
                      std::string::npos)
                << e.what();
        }
        EXPECT_FALSE(fs::exists(out));
    }
    EncodeOptions o;
    o.format = FileFormat::Jxl;
    o.quality = 0;
    EXPECT_THROW(writeImage(dir_.str("q0.jxl"), image_.cview(), o, {}), Error);
    EXPECT_FALSE(fs::exists(dir_.str("q0.jxl")));
    // A folder that is not there: the error names the file.
    o.quality = 80;
    try {
        writeImage(dir_.str("missing/x.avif"), image_.cview(), EncodeOptions{FileFormat::Avif, 80},
                   {});
        ADD_FAILURE() << "written into a missing folder";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("missing/x.avif"), std::string::npos) << e.what();
    }
}

// The command line: the presets and --format write each format from a raw, with its
// extension, through the export's temporary-and-place path.
TEST(WebFormatsCli, PresetsAndFormatOptionWriteEachFormat) {
    test::TempDir dir("web-formats-cli");
    const std::string raw = dir.str("chart.dng");
    synth::writeDng(raw, synth::renderChart(900, 600).cview(), synth::DngOptions{});
    const std::pair<std::string, std::string> runs[] = {
        {"--preset web-avif", "chart.avif"},
        {"--preset web-webp", "chart.webp"},
        {"--preset web --format jxl", "chart.jxl"},
        {"--preset web --format avif --bit-depth 10 -t '{name}-ten'", "chart-ten.avif"},
    };
    for (const auto& [args, name] : runs) {
        SCOPED_TRACE(args);
        std::string log;
        ASSERT_EQ(test::runCli("export " + args + " -o " + dir.str("out") + " " + raw, log), 0)
            << log;
        const std::string out = dir.str("out/" + name);
        ASSERT_TRUE(fs::exists(out)) << log;
        const json j = exiftoolJson(out);
        EXPECT_EQ(str(j, "EXIF:ExifIFD:ExifImageWidth"), "900") << j.dump(1);
        EXPECT_EQ(str(j, "EXIF:IFD0:Orientation"), "Horizontal (normal)");
    }
    std::string log;
    EXPECT_EQ(test::runCli(
                  "export --preset web-webp --bit-depth 16 -o " + dir.str("bad") + " " + raw, log),
              2)
        << "a usage error, before any raw is read: " << log;
    EXPECT_NE(log.find("webp cannot be written at 16 bits per channel (it takes 8)"),
              std::string::npos)
        << log;
    EXPECT_TRUE(!fs::exists(dir.path() / "bad") || fs::is_empty(dir.path() / "bad"));
}
