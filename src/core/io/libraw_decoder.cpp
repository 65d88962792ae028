// SPDX-License-Identifier: GPL-3.0-or-later
// The one adapter between Rangefinder and LibRaw. It turns a raw file into an `rf::RawImage`:
// sensor values scaled so 0 is the black level and 1 the clipping point of each channel, the
// colour filter phase of the scaled mosaic, the camera's white balance and XYZ→camera matrix,
// and the capture metadata. Bayer sensors are copied straight from LibRaw's unpacked buffer
// (no LibRaw processing at all), so the pipeline's own white balance, highlight handling and
// demosaic see untouched data. Anything that is not a plain 2×2 Bayer mosaic (X-Trans, Fuji
// SuperCCD, 4-colour, linear DNGs) becomes 3-channel camera RGB, interpolated by LibRaw where
// needed but never white balanced or colour converted.
//
// LibRaw parses every file and allocates and black-levels every raw; what is done differently
// is loading the data of the commonest formats, by our own loaders in LibRaw's place with the
// same result: lossless JPEG (CR2s, compressed DNGs; the readers of ljpeg_readers.h feeding
// rf::ljpeg::Decoder), uncompressed DNGs (uncompressed_dng.h) and Canon's compressed CRWs
// (canon_crw.h). RangefinderLibRaw below swaps them in for LibRaw's loaders (libraw_stream.h
// says what they share).
//
// LibRaw decodes garbage from some truncated files without complaint, so the raw data's
// extent is checked against the file size before unpacking, and any data error LibRaw counts
// while unpacking refuses the file. Its loaders also stop at some damage without a word (a
// lossless JPEG tile past the end of the file, a stream with no header): our decoder tells
// such damage from a layout it merely leaves to LibRaw and refuses the file, and a frame that
// comes out of any loader as one value throughout is refused too. Each call owns one LibRaw
// instance (thread-safe libraw_r build), so decodes of different files can run concurrently.

#include <libraw/libraw.h>
#include <sys/mman.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "io/canon_crw.h"
#include "io/dng_opcodes.h"
#include "io/ljpeg_readers.h"
#include "io/uncompressed_dng.h"
#include "rangefinder/error.h"
#include "rangefinder/limits.h"
#include "rangefinder/parallel.h"
#include "rangefinder/raw.h"
#include "rangefinder/whitebalance.h"

namespace rf {
namespace {

namespace fs = std::filesystem;

// TIFF tags LibRaw 0.20 parses but does not keep.
constexpr int kTagCopyright = 0x8298;
constexpr int kTagOpcodeList1 = 51008, kTagOpcodeList2 = 51009, kTagOpcodeList3 = 51022;

/// The bytes of one opcode list, as found in a TIFF IFD (LibRaw's IFD index).
struct OpcodeListBytes {
    int ifd = 0;
    int list = 0;  // 1, 2, 3
    std::vector<std::uint8_t> bytes;
    std::string problem;  // why the bytes could not be read
};

/// Per-file state the LibRaw callbacks fill in while parsing.
struct ParseState {
    std::string copyright;
    long long firstDataErrorOffset = -2;  // -2: none seen; -1: at end of file
    std::uintmax_t fileSize = 0;
    std::vector<OpcodeListBytes> opcodeLists;
    std::int64_t opcodeBytes = 0;  // read so far, all lists together
};

void onDataError(void* data, const char* /*file*/, const int offset) {
    // LibRaw's default handler prints to stderr; the error is reported through rf::Error.
    auto* st = static_cast<ParseState*>(data);
    if (st->firstDataErrorOffset == -2) st->firstDataErrorOffset = offset;
}

/// Keeps an opcode list's bytes. LibRaw passes the tags of TIFF IFDs as tag | (IFD + 1) << 20
/// (EXIF and maker-note tags without the IFD), so the list can be matched with the raw IFD
/// once parsing is done. The count is the file's claim: it is checked against the file's size
/// and the list limit before anything is allocated, and only the first list of each kind per
/// IFD is kept, so a header repeating the tag cannot multiply the memory.
void keepOpcodeList(ParseState& st, int tag, int type, int len,
                    LibRaw_abstract_datastream* stream) {
    const int list = (tag & 0xffff) == kTagOpcodeList1   ? 1
                     : (tag & 0xffff) == kTagOpcodeList2 ? 2
                                                         : 3;
    const int ifd = (tag >> 20) - 1;
    if (ifd < 0) return;
    for (const OpcodeListBytes& l : st.opcodeLists)
        if (l.ifd == ifd && l.list == list) return;
    OpcodeListBytes out;
    out.ifd = ifd;
    out.list = list;
    const std::string name = "OpcodeList" + std::to_string(list);
    // UNDEFINED (7) by the specification; BYTE (1) is the same bytes.
    if (type != 7 && type != 1) {
        out.problem = name + " has TIFF type " + std::to_string(type) + ", not bytes";
    } else if (len < 0 || std::uintmax_t(len) > st.fileSize) {
        out.problem = name + " claims more bytes than the file holds";
    } else if (len > dng::kMaxOpcodeListBytes - st.opcodeBytes) {
        out.problem = name + " is " + byteSizeText(len) + ", over the limit of " +
                      byteSizeText(dng::kMaxOpcodeListBytes) + " for opcode lists";
    } else {
        out.bytes.resize(std::size_t(len));
        const int got = len > 0 ? stream->read(out.bytes.data(), 1, std::size_t(len)) : 0;
        if (got != len) {
            out.bytes.clear();
            out.problem = name + " is cut off by the end of the file";
        }
        st.opcodeBytes += len;
    }
    st.opcodeLists.push_back(std::move(out));
}

void onExifTag(void* data, int tag, int type, int len, unsigned int /*order*/, void* ifp,
               INT64 /*base*/) {
    // LibRaw positions the stream at the tag's value before calling and restores it after.
    auto* st = static_cast<ParseState*>(data);
    const int t = tag & 0xffff;
    if ((tag & 0xf0000) == 0 &&
        (t == kTagOpcodeList1 || t == kTagOpcodeList2 || t == kTagOpcodeList3)) {
        keepOpcodeList(*st, tag, type, len, static_cast<LibRaw_abstract_datastream*>(ifp));
        return;
    }
    if (t != kTagCopyright || type != 2 || len <= 1 || len > 4096) return;
    if (!st->copyright.empty()) return;
    std::string buf(std::size_t(len), '\0');
    auto* stream = static_cast<LibRaw_abstract_datastream*>(ifp);
    const int got = stream->read(buf.data(), 1, len);
    if (got <= 0) return;
    buf.resize(std::size_t(got));
    // EXIF Copyright may hold "photographer\0editor"; keep the photographer's part.
    buf.resize(std::strlen(buf.c_str()));
    st->copyright = buf;
}

/// LibRaw's own file stream, keeping count of the work asked of it. LibRaw 0.20 trusts the
/// counts a file states: a Phase One header claiming four billion directory entries makes
/// identify() seek and read past the end of a 3 KB file for hours. A file that keeps being
/// read past its end, or that takes far more reads and seeks than its size explains, is
/// corrupt: the stream then throws LibRaw's own I/O exception, which LibRaw's entry points
/// catch and return as an error code.
template <class Base>
class GuardedStream final : public Base {
  public:
    GuardedStream(const char* path, std::uintmax_t size)
        : Base(path), budget_(kBaseBudget + size / 4) {}

    int read(void* ptr, std::size_t size, std::size_t count) override {
        spend();
        const int got = Base::read(ptr, size, count);
        // Honest files are read past their end a few times at most (a last bit-buffer fill).
        if (got >= 0 && std::size_t(got) < count && ++shortReads_ > kMaxShortReads)
            throw LIBRAW_EXCEPTION_IO_EOF;
        return got;
    }
    int seek(INT64 offset, int whence) override {
        spend();
        return Base::seek(offset, whence);
    }

  private:
    // Reads and seeks (not single characters, which bit readers fetch one by one). Opening
    // and unpacking a real raw takes a few thousand: 810 for the Canon CR2, 5,700 for a 45 MP
    // DNG read row by row. The slowest LibRaw loaders read 4 bytes at a time, which the
    // size / 4 term covers. A million more is ample, and refuses a CR3 header that makes the
    // parser seek in circles in a quarter of a second rather than five.
    static constexpr std::uint64_t kBaseBudget = std::uint64_t(1) << 20;
    static constexpr int kMaxShortReads = 4096;

    void spend() {
        if (++calls_ > budget_) throw LIBRAW_EXCEPTION_IO_CORRUPT;
    }

    std::uint64_t calls_ = 0;
    const std::uint64_t budget_;
    int shortReads_ = 0;
};

/// LibRaw with its loader wrapped: a CR2's or a DNG's lossless JPEG goes to
/// rf::ljpeg::Decoder, which produces LibRaw's values bit for bit in less than half the
/// time. Everything around the loader stays LibRaw's: it allocates the raw buffer, positions
/// the stream and, after loading, measures the black level from the masked pixels, which is
/// why the loader is swapped in place rather than the unpack replaced. Streams the decoder
/// declines (see lossless_jpeg.h) and layouts it does not place go to LibRaw's own loader,
/// as does every other format, into a buffer cleared first (see clearRawBuffer).
class RangefinderLibRaw final : public LibRaw {
  public:
    explicit RangefinderLibRaw(unsigned flags) : LibRaw(flags) {}

    /// Before unpack(): wrap LibRaw's loader, routing this file's data to one of our loaders
    /// if asked and LibRaw would use the loader ours stands in for.
    void wrapLoader(bool ownLoaders) {
        libraw_decoder_info_t info{};
        if (LibRaw::get_decoder_info(&info) != LIBRAW_SUCCESS || !info.decoder_name) return;
        const std::string name = info.decoder_name;
        if (ownLoaders && name == "lossless_jpeg_load_raw()")
            container_ = Container::Cr2;
        else if (ownLoaders && name == "lossless_dng_load_raw()")
            container_ = Container::DngTiles;
        else if (ownLoaders && name == "packed_dng_load_raw()")
            container_ = Container::UncompressedDng;
        else if (ownLoaders && name == "canon_load_raw()")
            container_ = Container::CanonCrw;
        // unpack() compares load_raw with this loader before calling it (to lift Nikon's and
        // Hasselblad's maximum for it): it must stay unwrapped.
        else if (name == "unpacked_load_raw()")
            return;
        libRawLoader_ = load_raw;
        load_raw = static_cast<void (LibRaw::*)()>(&RangefinderLibRaw::load);
    }

    /// unpack() asks which loader is set to choose its buffers: answer for LibRaw's.
    int get_decoder_info(libraw_decoder_info_t* info) override {
        if (!swapped()) return LibRaw::get_decoder_info(info);
        const auto ours = load_raw;
        load_raw = libRawLoader_;
        const int rc = LibRaw::get_decoder_info(info);
        load_raw = ours;
        return rc;
    }

    /// A DNG's DefaultCropOrigin and DefaultCropSize as a rectangle of raw_image, once the
    /// file is open; nothing when the file states none or one outside its active area.
    ///
    /// LibRaw 0.20 keeps these tags only per IFD: `sizes.raw_inset_crop` holds them for
    /// makes starting "SONY" alone (and maker-note crops for other raws), and its own
    /// LIBRAW_PROCESSING_USE_DNG_DEFAULT_CROP rounds the origin up to a whole CFA period,
    /// shrinking the image by a column or row. The IFD is the one LibRaw takes DNG levels
    /// from: the raw data's, else IFD 0. The origin counts from the ActiveArea's corner (DNG
    /// specification), which is not LibRaw's visible area when it has moved an odd margin on
    /// by one to keep its Bayer phase.
    std::optional<Rect> dngDefaultCrop() {
        const libraw_image_sizes_t& s = imgdata.sizes;
        if (!imgdata.idata.dng_version || is_fuji_rotated()) return std::nullopt;
        const unsigned ifds = ifdCount();
        const int raw = rawIfd();
        const auto has = [&](int i, unsigned bit) {
            return i >= 0 && unsigned(i) < ifds && (tiff_ifd[i].dng_levels.parsedfields & bit);
        };
        const int at = has(raw, LIBRAW_DNGFM_CROPORIGIN) ? raw : 0;
        if (!has(at, LIBRAW_DNGFM_CROPORIGIN) || !has(at, LIBRAW_DNGFM_CROPSIZE))
            return std::nullopt;

        // The active area, from this IFD (where the raw's own ActiveArea is parsed); all of the
        // raw when it has none.
        const tiff_ifd_t& t = tiff_ifd[raw >= 0 ? raw : at];
        const std::int64_t rawW = s.raw_width, rawH = s.raw_height;
        const std::int64_t activeX = std::max(t.t_lm, 0), activeY = std::max(t.t_tm, 0);
        const std::int64_t activeW = t.t_vwidth > 0 ? t.t_vwidth : rawW - activeX;
        const std::int64_t activeH = t.t_vheight > 0 ? t.t_vheight : rawH - activeY;
        const unsigned* c = tiff_ifd[at].dng_levels.default_crop;
        const std::int64_t x = c[0], y = c[1], w = c[2], h = c[3];
        if (w <= 0 || h <= 0 || x + w > activeW || y + h > activeH || activeX + activeW > rawW ||
            activeY + activeH > rawH)
            return std::nullopt;
        return Rect{int(activeX + x), int(activeY + y), int(w), int(h)};
    }

    /// The IFD (LibRaw's index) the raw data was read from; −1 when none matches.
    int rawIfd() {
        const unsigned ifds = ifdCount();
        for (unsigned i = 0; i < ifds; ++i)
            if (tiff_ifd[i].offset == libraw_internal_data.unpacker_data.data_offset) return int(i);
        return -1;
    }

    /// The IFD whose opcode lists apply: the raw data's, else IFD 0 (as for DNG levels).
    int opcodeIfd() {
        const int raw = rawIfd();
        return raw >= 0 ? raw : 0;
    }

    /// A DNG's ActiveArea in raw_image coordinates (the raw IFD's, all of the raw without
    /// one): the image OpcodeList2 and 3 apply to. Nothing when it does not fit the raw.
    std::optional<Rect> dngActiveArea() {
        const libraw_image_sizes_t& s = imgdata.sizes;
        if (!imgdata.idata.dng_version) return std::nullopt;
        const int raw = rawIfd();
        const std::int64_t rawW = s.raw_width, rawH = s.raw_height;
        if (raw < 0) return Rect{0, 0, int(rawW), int(rawH)};
        const tiff_ifd_t& t = tiff_ifd[raw];
        const std::int64_t x = std::max(t.t_lm, 0), y = std::max(t.t_tm, 0);
        const std::int64_t w = t.t_vwidth > 0 ? t.t_vwidth : rawW - x;
        const std::int64_t h = t.t_vheight > 0 ? t.t_vheight : rawH - y;
        if (w <= 0 || h <= 0 || x + w > rawW || y + h > rawH) return std::nullopt;
        return Rect{int(x), int(y), int(w), int(h)};
    }

    /// After unpack(): why the raw data is damaged in a way LibRaw's loader would have passed
    /// over in silence, leaving samples zero (a tile past the end of the file, a stream with no
    /// header); empty when it is not.
    const std::string& damage() const { return damage_; }

    /// The loader that decoded the data, once unpack() has run.
    std::string decoderName() {
        if (ownDecoded_) switch (container_) {
                case Container::Cr2:
                case Container::DngTiles:
                    return "Rangefinder lossless JPEG";
                case Container::UncompressedDng:
                    return "Rangefinder uncompressed DNG";
                case Container::CanonCrw:
                    return "Rangefinder Canon CRW";
                case Container::None:
                    break;
            }
        libraw_decoder_info_t info{};
        if (get_decoder_info(&info) != LIBRAW_SUCCESS || !info.decoder_name) return {};
        return info.decoder_name;
    }

  private:
    bool swapped() const { return libRawLoader_ && load_raw != libRawLoader_; }
    unsigned ifdCount() const {
        return std::min<unsigned>(libraw_internal_data.identify_data.tiff_nifds,
                                  LIBRAW_IFD_MAXCOUNT);
    }

    void load() {
        // LibRaw compares load_raw with its own loaders after loading (the masked area it
        // takes the black level from depends on it), so it is restored before anything else.
        load_raw = libRawLoader_;
        adviseHugePages();
        if (container_ == Container::Cr2)
            ownDecoded_ = decodeWith<ljpeg::Cr2Reader>();
        else if (container_ == Container::DngTiles)
            ownDecoded_ = decodeWith<ljpeg::DngTileReader>();
        else if (container_ == Container::UncompressedDng)
            ownDecoded_ = decodeWith<rawio::UncompressedDngReader>();
        else if (container_ == Container::CanonCrw)
            ownDecoded_ = decodeCrw();
        // A damaged stream is not handed on: LibRaw's loader would stop at the damage without a
        // word and the picture would come out black from there on.
        if (!ownDecoded_ && damage_.empty()) {
            clearRawBuffer();
            libraw_internal_data.internal_data.input->seek(
                libraw_internal_data.unpacker_data.data_offset, SEEK_SET);
            (this->*libRawLoader_)();
        }
    }

    /// The sensor buffer LibRaw has just allocated, in bytes (0: none of its own).
    std::size_t rawBufferBytes() {
        const libraw_rawdata_t& rd = imgdata.rawdata;
        if (!rd.raw_alloc) return 0;  // decoders that allocate for themselves, or calloc
        const libraw_image_sizes_t& s = imgdata.sizes;
        std::size_t width = s.raw_width, height = s.raw_height;
        if (!libraw_internal_data.internal_output_params.fuji_width) {
            width = std::max<std::size_t>(width, std::size_t(s.width) + s.left_margin);
            height = std::max<std::size_t>(height, std::size_t(s.height) + s.top_margin);
        }
        const std::size_t samples = width * (height + 8);
        if (rd.raw_image == rd.raw_alloc) return samples * sizeof(ushort);
        if (rd.color3_image == rd.raw_alloc) return samples * 3 * sizeof(ushort);
        return 0;
    }

    /// The sensor buffer is new memory, faulted in page by page as the loader first writes it:
    /// 12,000 faults for a 24 MP raw, which cost more than our loaders' decoding on virtual
    /// machines. Huge pages, where the kernel gives them on request, cut that 512-fold, as
    /// for our own images (image.cpp).
    void adviseHugePages() {
        const std::size_t bytes = rawBufferBytes();
        constexpr std::uintptr_t kPage = 4096;
        if (bytes < (std::size_t(4) << 20)) return;
        const auto begin = reinterpret_cast<std::uintptr_t>(imgdata.rawdata.raw_alloc);
        const std::uintptr_t first = (begin + kPage - 1) & ~(kPage - 1);
        const std::uintptr_t last = (begin + bytes) & ~(kPage - 1);
        if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
    }

    /// LibRaw mallocs the buffer its loader fills, and many loaders stop at damage without an
    /// error: what they leave unwritten would be whatever the memory held before, in a long
    /// process another photo's pixels. Cleared, the gap reads as zero, which decodeRaw refuses
    /// when it is the whole frame. The size is the one unpack() allocates.
    void clearRawBuffer() {
        if (const std::size_t bytes = rawBufferBytes())
            std::memset(imgdata.rawdata.raw_alloc, 0, bytes);
    }

    /// What our loaders need of LibRaw's internals, which only this subclass sees.
    rawio::Source readerSource() {
        const int raw = rawIfd();
        return {libraw_internal_data.internal_data.input, &libraw_internal_data.unpacker_data,
                &imgdata, raw >= 0 ? &tiff_ifd[raw] : nullptr, [this] { checkCancel(); }};
    }

    template <class Reader>
    bool decodeWith() {
        Reader reader(readerSource());
        const bool decoded = reader.read();
        damage_ = reader.damage();
        return decoded;
    }

    /// canon_load_raw() also lowers LibRaw's maximum to ten bits for a file without low bits.
    bool decodeCrw() {
        rawio::CanonCrwReader reader(readerSource());
        const bool decoded = reader.read();
        damage_ = reader.damage();
        if (decoded && !reader.lowBits()) imgdata.color.maximum = 0x3ff;
        return decoded;
    }

    enum class Container { None, Cr2, DngTiles, UncompressedDng, CanonCrw };
    Container container_ = Container::None;
    void (LibRaw::*libRawLoader_)() = nullptr;
    bool ownDecoded_ = false;
    std::string damage_;
};

/// Owns one LibRaw instance for the duration of a call.
class LibRawFile {
  public:
    explicit LibRawFile(const std::string& path) : path_(path) {
        try {
            lr_ = std::make_unique<RangefinderLibRaw>(LIBRAW_OPTIONS_NONE);
        } catch (const std::bad_alloc&) {
            throw Error(path, "out of memory");
        }
        lr_->set_dataerror_handler(&onDataError, &state_);
        lr_->set_exifparser_handler(&onExifTag, &state_);
    }
    ~LibRawFile() {
        if (lr_) lr_->recycle();
    }
    LibRawFile(const LibRawFile&) = delete;
    LibRawFile& operator=(const LibRawFile&) = delete;

    RangefinderLibRaw& operator*() { return *lr_; }
    RangefinderLibRaw* operator->() { return lr_.get(); }
    const ParseState& state() const { return state_; }

    /// Opens and identifies the file (header parsing only). Throws rf::Error.
    void open() {
        std::error_code ec;
        const fs::file_status st = fs::status(path_, ec);
        if (ec || !fs::exists(st)) throw Error(path_, "cannot open: No such file or directory");
        if (!fs::is_regular_file(st)) throw Error(path_, "cannot open: not a regular file");
        fileSize_ = fs::file_size(path_, ec);
        if (ec) throw Error(path_, "cannot open: " + ec.message());
        state_.fileSize = fileSize_;
        // Existence alone does not mean readable (permissions): ask the OS for its reason.
        if (std::FILE* f = std::fopen(path_.c_str(), "rb")) {
            std::fclose(f);
        } else {
            throw Error(path_, std::string("cannot open: ") + std::strerror(errno));
        }
        // As LibRaw's open_file() does, with the guarded stream: buffered below 250 MB.
        try {
            if (fileSize_ > std::uintmax_t(LIBRAW_USE_STREAMS_DATASTREAM_MAXSIZE))
                stream_ = std::make_unique<GuardedStream<LibRaw_bigfile_datastream>>(path_.c_str(),
                                                                                     fileSize_);
            else
                stream_ = std::make_unique<GuardedStream<LibRaw_file_datastream>>(path_.c_str(),
                                                                                  fileSize_);
        } catch (const std::bad_alloc&) {
            throw Error(path_, "out of memory");
        }
        if (!stream_->valid()) throw Error(path_, "cannot open the file");
        check(lr_->open_datastream(stream_.get()));
    }

    std::uintmax_t fileSize() const { return fileSize_; }

    /// Turns a LibRaw return code into an rf::Error in plain words.
    void check(int rc) const {
        if (rc == LIBRAW_SUCCESS) return;
        switch (rc) {
            case LIBRAW_FILE_UNSUPPORTED:
                throw Error(path_, "not a raw file or unsupported camera");
            case LIBRAW_IO_ERROR:
            case LIBRAW_DATA_ERROR:
            case LIBRAW_REQUEST_FOR_NONEXISTENT_IMAGE:
                throw Error(path_, "file is truncated or corrupt");
            case LIBRAW_UNSUFFICIENT_MEMORY:
            case LIBRAW_TOO_BIG:
            case LIBRAW_MEMPOOL_OVERFLOW:
                throw Error(path_, "image is too large to decode (out of memory)");
            case LIBRAW_NO_THUMBNAIL:
                throw Error(path_, "the file has no embedded preview");
            case LIBRAW_UNSUPPORTED_THUMBNAIL:
                throw Error(path_, "the embedded preview is in an unsupported format");
            default:
                throw Error(path_, std::string("cannot decode: ") + libraw_strerror(rc));
        }
    }

  private:
    std::string path_;
    std::unique_ptr<LibRaw_abstract_datastream> stream_;  // outlives lr_, which reads it
    std::unique_ptr<RangefinderLibRaw> lr_;
    ParseState state_;
    std::uintmax_t fileSize_ = 0;
};

std::string trimmed(const char* s, std::size_t maxLen) {
    std::string out(s, strnlen(s, maxLen));
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    out.erase(out.begin(), std::find_if(out.begin(), out.end(), notSpace));
    out.erase(std::find_if(out.rbegin(), out.rend(), notSpace).base(), out.end());
    return out;
}

template <std::size_t N>
std::string trimmed(const char (&s)[N]) {
    return trimmed(s, N);
}

/// LibRaw's `flip` (dcraw bit code) → EXIF orientation.
int exifOrientation(int flip) {
    static constexpr int kFromFlip[8] = {1, 2, 4, 3, 5, 8, 6, 7};
    return (flip >= 0 && flip < 8) ? kFromFlip[flip] : 1;
}

/// LibRaw's visible area in raw_image coordinates, cut to the buffer (which a broken header
/// can claim more than).
Rect visibleArea(const LibRaw& lr) {
    const libraw_image_sizes_t& s = lr.imgdata.sizes;
    return {s.left_margin, s.top_margin, std::min<int>(s.width, s.raw_width - s.left_margin),
            std::min<int>(s.height, s.raw_height - s.top_margin)};
}

CaptureInfo captureInfo(RangefinderLibRaw& lr, const ParseState& st) {
    const libraw_data_t& d = lr.imgdata;
    CaptureInfo info;
    info.make = trimmed(d.idata.make);
    info.model = trimmed(d.idata.model);
    info.software = trimmed(d.idata.software);
    info.lens = trimmed(d.lens.Lens);
    if (info.lens.empty()) info.lens = trimmed(d.lens.makernotes.Lens);
    info.iso = d.other.iso_speed;
    info.shutterSeconds = d.other.shutter;
    info.aperture = d.other.aperture;
    info.focalLengthMm = d.other.focal_len;
    // For the lens database: who made the lens, and the sensor size the 35 mm equivalent
    // implies. LibRaw 0.20 keeps no subject distance, so focusDistanceM stays unknown (0).
    info.lensMake = trimmed(d.lens.LensMake);
    info.focalLength35mm = d.lens.FocalLengthIn35mmFormat > 0
                               ? float(d.lens.FocalLengthIn35mmFormat)
                               : d.lens.makernotes.FocalLengthIn35mmFormat;
    if (d.other.timestamp > 0) {
        // LibRaw turned the camera's local wall-clock time into time_t with mktime();
        // localtime_r undoes exactly that, giving back what the camera recorded.
        std::tm tm{};
        const std::time_t t = d.other.timestamp;
        if (localtime_r(&t, &tm)) {
            char buf[32];
            if (std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm) > 0) info.dateTime = buf;
        }
    }
    info.orientation = exifOrientation(d.sizes.flip);
    info.width = d.sizes.width;
    info.height = d.sizes.height;
    if (const std::optional<Rect> crop = lr.dngDefaultCrop()) {
        info.width = crop->width;
        info.height = crop->height;
    }
    info.artist = trimmed(d.other.artist);
    info.copyright = st.copyright;
    info.hasGps = d.other.parsed_gps.gpsparsed != 0;
    return info;
}

/// Refuses files whose raw data cannot be all there: LibRaw happily "decodes" such files
/// into noise or zeros without reporting an error.
void checkNotTruncated(LibRaw& lr, std::uintmax_t fileSize, const std::string& path) {
    const libraw_internal_data_t* in = lr.get_internal_data_pointer();
    const long long offset = in->unpacker_data.data_offset;
    const long long size = in->unpacker_data.data_size;
    const long long fsize = static_cast<long long>(fileSize);
    const std::string msg = "truncated: raw data is cut off";
    if (offset < 0 || offset >= fsize) throw Error(path, msg);
    if (size > 0 && offset + size > fsize) throw Error(path, msg);
    // Formats that record no data size: the data must at least hold what the best
    // compression could make of it. Lossless JPEG needs ≥ 1 bit per sample, and no raw
    // codec gets anywhere near 1/64 of the uncompressed size on a real photograph.
    const libraw_data_t& d = lr.imgdata;
    const long long bits = in->unpacker_data.tiff_bps > 0 ? in->unpacker_data.tiff_bps : 12;
    const long long samples = d.idata.filters ? 1 : std::max(1, d.idata.colors);
    const long long uncompressed =
        (long long)d.sizes.raw_width * d.sizes.raw_height * samples * bits / 8;
    if (fsize - offset < uncompressed / 64) throw Error(path, msg);
}

/// Refuses, from the sizes in the header alone, an image larger than the limits allow: a
/// hostile or broken header can claim any size, and nothing has been allocated yet.
void checkLimits(LibRaw& lr, const DecodeOptions& o, const std::string& path) {
    const auto& s = lr.imgdata.sizes;
    const auto& id = lr.imgdata.idata;
    const std::int64_t rawPixels = std::int64_t(s.raw_width) * s.raw_height;
    const std::int64_t pixels = std::int64_t(s.width) * s.height;
    const auto mp = [](std::int64_t px) {
        char buf[32];
        std::snprintf(buf, sizeof buf, px >= 10'000'000 ? "%.0f MP" : "%.3g MP", double(px) / 1e6);
        return std::string(buf);
    };
    const std::string size = std::to_string(s.width) + "×" + std::to_string(s.height);
    if (std::max(rawPixels, pixels) > o.maxPixels) {
        throw Error(path, "image too large: " + size + " pixels (" +
                              mp(std::max(rawPixels, pixels)) + ") is over the limit of " +
                              mp(o.maxPixels) + " (RANGEFINDER_MAX_MEGAPIXELS)");
    }
    if (s.width == 0 || s.height == 0) throw Error(path, "file is truncated or corrupt");
    const bool plainBayer = id.filters >= 1000 && id.colors == 3;
    const int rawSamples = id.filters ? 1 : 4;
    const std::int64_t bytes =
        decodeMemoryEstimate(s.raw_width, s.raw_height, s.width, s.height, plainBayer, rawSamples);
    if (bytes > o.maxMemoryBytes) {
        throw Error(path, "image too large: " + size + " pixels need about " + byteSizeText(bytes) +
                              " of memory, over the limit of " + byteSizeText(o.maxMemoryBytes) +
                              " (RANGEFINDER_MAX_MEMORY)");
    }
}

/// Where `area` starts relative to LibRaw's visible area, whose corner its COLOR() and black
/// pattern count from: at most a column or row before it (see dngDefaultCrop), else inside.
struct Offset {
    int x, y;
};
Offset visibleOffset(const LibRaw& lr, const Rect& area) {
    return {area.x - lr.imgdata.sizes.left_margin, area.y - lr.imgdata.sizes.top_margin};
}

/// The 2×2 colour layout from the corner of `area` (raw_image coordinates), or false when the
/// sensor is not a plain 3-colour 2×2 Bayer (the caller then lets LibRaw interpolate). An
/// area starting a column or row off LibRaw's visible corner sees the pattern shifted.
bool bayerPhase(LibRaw& lr, const Rect& area, CfaPattern& cfa, int colorIndex[4]) {
    const libraw_data_t& d = lr.imgdata;
    if (d.idata.filters < 1000 || d.idata.colors != 3 || lr.is_fuji_rotated()) return false;
    if (!d.rawdata.raw_image) return false;
    // `filters` encodes an 8×2 tile; only 2×2-periodic ones are Bayer.
    for (int row = 0; row < 8; ++row)
        for (int col = 0; col < 2; ++col)
            if (lr.COLOR(row, col) != lr.COLOR(row & 1, col)) return false;
    const Offset o = visibleOffset(lr, area);
    bool seen[3] = {false, false, false};
    for (int i = 0; i < 4; ++i) {
        // Bayer repeats every 2 sites (checked above), so the parity is all COLOR needs.
        const int c = lr.COLOR((o.y + (i >> 1)) & 1, (o.x + (i & 1)) & 1);
        if (c < 0 || c > 3) return false;
        colorIndex[i] = c;
        cfa[std::size_t(i)] = std::uint8_t(c == 3 ? 1 : c);  // the second green is green
        seen[cfa[std::size_t(i)]] = true;
    }
    return seen[0] && seen[1] && seen[2];
}

// Where LibRaw holds data of three samples a pixel (linear DNGs, and what it demosaiced
// itself), with the step between pixels; false when it holds none.
bool linearSamples(const libraw_rawdata_t& rd, const std::uint16_t*& base, std::size_t& step) {
    if (rd.color4_image) {
        base = &rd.color4_image[0][0];
        step = 4;
    } else if (rd.color3_image) {
        base = &rd.color3_image[0][0];
        step = 3;
    } else {
        return false;
    }
    return true;
}

/// True when every sample of `area` in LibRaw's unpacked buffer is the same: no sensor
/// records that, but a loader that stopped before writing anything leaves it so. Real data
/// differs within the first few samples, so this costs nothing on a good file.
bool blankFrame(const LibRaw& lr, const Rect& area) {
    const libraw_rawdata_t& rd = lr.imgdata.rawdata;
    const libraw_image_sizes_t& s = rd.sizes;
    const std::uint16_t* base = rd.raw_image;
    std::size_t step = 1;
    if (!base && !linearSamples(rd, base, step)) return false;
    const std::size_t pitch = s.raw_pitch ? s.raw_pitch / 2 : std::size_t(s.raw_width) * step;
    const int x0 = std::max(area.x, 0), y0 = std::max(area.y, 0);
    const int x1 = std::min(area.x + area.width, int(s.raw_width));
    const int y1 = std::min(area.y + area.height, int(s.raw_height));
    if (x1 <= x0 || y1 <= y0) return false;
    // Four-sample pixels of three-colour data leave the fourth at zero: compare the ones used.
    const std::size_t used =
        step == 4 ? std::size_t(std::clamp(lr.imgdata.idata.colors, 1, 4)) : step;
    const std::uint16_t* const corner = base + std::size_t(y0) * pitch + std::size_t(x0) * step;
    for (int y = y0; y < y1; ++y) {
        const std::uint16_t* row = base + std::size_t(y) * pitch + std::size_t(x0) * step;
        for (std::size_t i = 0; i < std::size_t(x1 - x0) * step; i += step)
            for (std::size_t c = 0; c < used; ++c)
                if (row[i + c] != corner[c]) return false;
    }
    return true;
}

/// Black level of one site in visible-area coordinates (−1 allowed), LibRaw's three-part sum.
float siteBlack(const libraw_colordata_t& c, int colorIndex, int row, int col) {
    float b = float(c.black) + float(c.cblack[colorIndex & 3]);
    if (c.cblack[4] > 0 && c.cblack[5] > 0) {
        const auto wrap = [](int v, unsigned n) {
            return v >= 0 ? unsigned(v) % n : n - 1 - unsigned(-(v + 1)) % n;
        };
        const unsigned i = 6 + wrap(row, c.cblack[4]) * c.cblack[5] + wrap(col, c.cblack[5]);
        if (i < LIBRAW_CBLACK_SIZE) b += float(c.cblack[i]);
    }
    return b;
}

/// The white level: LibRaw's table value, or, as LibRaw's own processing does
/// (adjust_maximum_thr, 0.75 by default), the largest value in the visible area when that
/// is above 75 % of the table's: some cameras clip short of their nominal maximum (the
/// Canon EOS D30 at about 3,870 of 4,095), and a clip read as 0.92 would escape the
/// highlight stage and render coloured. A DNG states its WhiteLevel and is taken at its word.
float whiteLevel(LibRaw& lr, const Rect& area, std::size_t pitch) {
    const libraw_rawdata_t& rd = lr.imgdata.rawdata;
    const float nominal = float(lr.imgdata.color.maximum);
    if (lr.imgdata.idata.dng_version) return nominal;
    std::mutex mutex;
    std::uint16_t top = 0;
    parallelFor(0, area.height, [&](int y0, int y1) {
        std::uint16_t m = 0;
        for (int y = y0; y < y1; ++y) {
            const std::uint16_t* src =
                rd.raw_image + std::size_t(y + area.y) * pitch + std::size_t(area.x);
            for (int x = 0; x < area.width; ++x) m = src[x] > m ? src[x] : m;
        }
        std::lock_guard lock(mutex);
        top = std::max(top, m);
    });
    return float(top) > 0.75f * nominal && float(top) < nominal ? float(top) : nominal;
}

/// OpcodeList2's gain maps, applied while copying: each row as soon as it is written, while it
/// is still in cache (a pass of their own over a 12 MP mosaic costs a third of the decode).
struct RowGains {
    std::vector<const dng::GainMap*> maps;
    dng::Frame frame;
    std::vector<dng::GainMapRows> prepare(int width, int height, int channels) const {
        std::vector<dng::GainMapRows> rows;
        for (const dng::GainMap* m : maps) rows.emplace_back(*m, width, height, channels, frame);
        return rows;
    }
};

/// `area` of a Bayer raw_image, whose colours `colourIndex` gives from its corner.
void copyBayer(LibRaw& lr, const Rect& area, const int colorIndex[4], const RowGains& gains,
               Image& out) {
    const libraw_rawdata_t& rd = lr.imgdata.rawdata;
    const libraw_image_sizes_t& s = rd.sizes;
    const libraw_colordata_t& col = lr.imgdata.color;
    const int w = area.width, h = area.height;
    const Offset o = visibleOffset(lr, area);
    const std::size_t pitch = s.raw_pitch ? s.raw_pitch / 2 : s.raw_width;
    const float white = whiteLevel(lr, area, pitch);
    const bool blackPattern = col.cblack[4] > 0 && col.cblack[5] > 0;
    out.resize(w, h, 1);
    const std::vector<dng::GainMapRows> rowGains = gains.prepare(w, h, 1);
    parallelFor(0, h, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const std::uint16_t* src =
                rd.raw_image + std::size_t(y + area.y) * pitch + std::size_t(area.x);
            float* dst = out.row(y);
            if (!blackPattern) {
                // Two sites per row phase: hoist black and scale out of the loop.
                float b[2], k[2];
                for (int p = 0; p < 2; ++p) {
                    b[p] = siteBlack(col, colorIndex[(y & 1) * 2 + p], y + o.y, p + o.x);
                    k[p] = white > b[p] ? 1.f / (white - b[p]) : 0.f;
                }
                // Pairs of sites, so the loop body has no parity test and vectorises.
                const int pairs = w / 2;
                for (int i = 0; i < pairs; ++i) {
                    dst[2 * i] = std::min(1.f, (float(src[2 * i]) - b[0]) * k[0]);
                    dst[2 * i + 1] = std::min(1.f, (float(src[2 * i + 1]) - b[1]) * k[1]);
                }
                if (w & 1) dst[w - 1] = std::min(1.f, (float(src[w - 1]) - b[0]) * k[0]);
            } else {
                for (int x = 0; x < w; ++x) {
                    const float b =
                        siteBlack(col, colorIndex[(y & 1) * 2 + (x & 1)], y + o.y, x + o.x);
                    const float k = white > b ? 1.f / (white - b) : 0.f;
                    dst[x] = std::min(1.f, (float(src[x]) - b) * k);
                }
            }
            for (const dng::GainMapRows& g : rowGains) g.apply(dst, y);
        }
    });
}

/// Linear DNGs (ProRAW and the like) already hold 3 samples per pixel.
bool copyLinear(LibRaw& lr, const Rect& area, const RowGains& gains, Image& out) {
    const libraw_rawdata_t& rd = lr.imgdata.rawdata;
    const libraw_image_sizes_t& s = rd.sizes;
    const libraw_colordata_t& col = lr.imgdata.color;
    if (lr.imgdata.idata.filters != 0 || lr.imgdata.idata.colors != 3) return false;
    const std::uint16_t* base = nullptr;
    std::size_t step = 0;
    if (!linearSamples(rd, base, step)) return false;
    const int w = area.width, h = area.height;
    const std::size_t pitch = s.raw_pitch ? s.raw_pitch / 2 : std::size_t(s.raw_width) * step;
    const float white = float(col.maximum);
    float b[3], k[3];
    for (int c = 0; c < 3; ++c) {
        b[c] = float(col.black) + float(col.cblack[c]);
        k[c] = white > b[c] ? 1.f / (white - b[c]) : 0.f;
    }
    out.resize(w, h, 3);
    const std::vector<dng::GainMapRows> rowGains = gains.prepare(w, h, 3);
    parallelFor(0, h, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const std::uint16_t* src =
                base + std::size_t(y + area.y) * pitch + std::size_t(area.x) * step;
            float* dst = out.row(y);
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 3; ++c)
                    dst[x * 3 + c] = std::min(1.f, (float(src[x * step + c]) - b[c]) * k[c]);
            for (const dng::GainMapRows& g : rowGains) g.apply(dst, y);
        }
    });
    return true;
}

/// X-Trans, SuperCCD and other non-Bayer layouts: LibRaw interpolates, but with unit
/// multipliers, no colour conversion, no gamma and no auto-brightening, so the result is
/// still linear camera RGB scaled 0 = black, 65535 = clip. Four-colour sensors (CMYG) have no
/// 3-channel camera space: LibRaw balances them as shot and maps them to linear sRGB, which
/// then plays the part of camera RGB (`convertedToSRGB`).
void interpolateWithLibRaw(LibRawFile& f, const DecodeOptions& o, const std::optional<Rect>& crop,
                           Image& out, bool& convertedToSRGB) {
    LibRaw& lr = *f;
    libraw_output_params_t& p = lr.imgdata.params;
    convertedToSRGB = lr.imgdata.idata.colors != 3;
    p.use_auto_wb = 0;
    p.use_camera_wb = convertedToSRGB ? 1 : 0;
    for (float& m : p.user_mul) m = convertedToSRGB ? 0.f : 1.f;
    p.output_color = convertedToSRGB ? 1 : 0;
    p.no_auto_bright = 1;
    p.gamm[0] = p.gamm[1] = 1.0;
    p.output_bps = 16;
    p.highlight = 0;
    p.adjust_maximum_thr = 0.f;  // keep the camera's clip level, not the brightest pixel
    p.half_size = o.halfSize ? 1 : 0;
    // Before processing: LibRaw halves `width` and `height` along with the image for some
    // layouts (X-Trans) and not for others.
    const int vw = lr.imgdata.sizes.width, vh = lr.imgdata.sizes.height;
    const Offset at = crop ? visibleOffset(lr, *crop) : Offset{0, 0};
    f.check(lr.dcraw_process());
    const libraw_data_t& d = lr.imgdata;
    if (!d.image) throw Error("LibRaw produced no image");
    const int iw = d.sizes.iwidth, ih = d.sizes.iheight;
    // LibRaw's output covers its visible area, at half size if it shrank it: the crop is cut
    // out of that, after interpolation, so its outermost sites are interpolated partly from
    // what lies outside it. Any other geometry (a stretch for non-square pixels) is kept whole.
    int x0 = 0, y0 = 0, x1 = iw, y1 = ih;
    const int shift = iw == vw && ih == vh ? 0 : iw == (vw + 1) / 2 && ih == (vh + 1) / 2 ? 1 : -1;
    if (crop && shift >= 0) {
        x0 = std::max(at.x, 0) >> shift;
        y0 = std::max(at.y, 0) >> shift;
        x1 = std::min(x0 + ((crop->width + shift) >> shift), iw);
        y1 = std::min(y0 + ((crop->height + shift) >> shift), ih);
        if (x1 <= x0 || y1 <= y0) {
            x0 = y0 = 0;
            x1 = iw;
            y1 = ih;
        }
    }
    const int w = x1 - x0, h = y1 - y0;
    out.resize(w, h, 3);
    parallelFor(0, h, [&](int r0, int r1) {
        for (int y = r0; y < r1; ++y) {
            const std::uint16_t(*src)[4] = d.image + std::size_t(y + y0) * iw + x0;
            float* dst = out.row(y);
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 3; ++c) dst[x * 3 + c] = float(src[x][c]) * (1.f / 65535.f);
        }
    });
}

bool positive3(const float* m) {
    return m[0] > 0 && m[1] > 0 && m[2] > 0;
}

std::array<float, 3> greenNormalised(const float* m) {
    return {m[0] / m[1], 1.f, m[2] / m[1]};
}

/// A DNG's own XYZ→camera matrix, AnalogBalance · CameraCalibration · ColorMatrix (DNG
/// spec, chapter 6), for the calibration illuminant closest to daylight. LibRaw 0.20 leaves
/// `cam_xyz` empty for makes it has no table for, though the DNG carries the matrix.
bool dngColorMatrix(const libraw_colordata_t& c, Mat3& out) {
    const auto score = [](int illuminant) {
        switch (illuminant) {
            case 21:
                return 5;  // D65
            case 20:
                return 4;  // D55
            case 22:
                return 3;  // D75
            case 23:
                return 2;  // D50
            default:
                return 1;
        }
    };
    int best = -1;
    for (int i = 0; i < 2; ++i) {
        const libraw_dng_color_t& d = c.dng_color[i];
        bool nonzero = false;
        for (int r = 0; r < 3; ++r)
            for (int k = 0; k < 3; ++k) nonzero = nonzero || d.colormatrix[r][k] != 0.f;
        if (!nonzero) continue;
        if (best < 0 || score(d.illuminant) >= score(c.dng_color[best].illuminant)) best = i;
    }
    if (best < 0) return false;
    const libraw_dng_color_t& d = c.dng_color[best];
    Mat3 cm{}, cc = identity3();
    bool haveCalibration = true;
    for (int r = 0; r < 3; ++r) {
        for (int k = 0; k < 3; ++k) cm[r][k] = d.colormatrix[r][k];
        if (d.calibration[r][r] == 0.f) haveCalibration = false;
    }
    if (haveCalibration)
        for (int r = 0; r < 3; ++r)
            for (int k = 0; k < 3; ++k) cc[r][k] = d.calibration[r][k];
    Mat3 ab = identity3();
    for (int r = 0; r < 3; ++r) {
        const float a = c.dng_levels.analogbalance[r];
        if (a > 0.f && std::isfinite(a)) ab[r][r] = a;
    }
    out = mul(ab, mul(cc, cm));
    return true;
}

void readColor(LibRaw& lr, RawImage& img) {
    const libraw_colordata_t& c = lr.imgdata.color;
    const bool haveDaylight = positive3(c.pre_mul);
    const bool haveAsShot = positive3(c.cam_mul);
    img.asShotRecorded = haveAsShot;
    if (haveAsShot)
        img.asShotMultipliers = greenNormalised(c.cam_mul);
    else if (haveDaylight)
        img.asShotMultipliers = greenNormalised(c.pre_mul);
    img.daylightMultipliers = haveDaylight ? greenNormalised(c.pre_mul) : img.asShotMultipliers;
    bool any = false;
    if (lr.imgdata.idata.dng_version && dngColorMatrix(c, img.cameraFromXYZ)) {
        any = true;
    } else {
        for (int r = 0; r < 3; ++r)
            for (int k = 0; k < 3; ++k) {
                img.cameraFromXYZ[r][k] = c.cam_xyz[r][k];
                any = any || c.cam_xyz[r][k] != 0.f;
            }
    }
    img.hasColorMatrix = any;
    if (!any) img.cameraFromXYZ = identity3();
    // LibRaw stores −999 when the DNG has no BaselineExposure tag.
    const float be = c.dng_levels.baseline_exposure;
    img.hasBaselineExposure = std::isfinite(be) && be > -100.f && be < 100.f;
    img.baselineExposureEv = img.hasBaselineExposure ? be : 0.f;
}

/// The opcode lists of a DNG's raw IFD, parsed, in list order; or why they cannot be used.
struct OpcodeLists {
    struct List {
        int list = 0;
        std::vector<dng::Opcode> opcodes;
    };
    std::vector<List> lists;
    std::string problem;
};

/// Whether the decoder would apply `op` of OpcodeList`list`, were it well formed: a GainMap of
/// OpcodeList2 (on the linear mosaic), the lens opcodes of OpcodeList3 (for the lens stage).
bool usedByUs(int list, const dng::Opcode& op) {
    return (list == 2 && op.id == dng::kGainMap) ||
           (list == 3 && (op.id == dng::kWarpRectilinear || op.id == dng::kFixVignetteRadial));
}

std::string opcodePlace(int list, std::size_t n, std::size_t count, const dng::Opcode& op) {
    return "OpcodeList" + std::to_string(list) + ": opcode " + std::to_string(n + 1) + " of " +
           std::to_string(count) + " (" + dng::opcodeName(op.id) + ")";
}

/// Reads and parses the lists kept while LibRaw parsed the file. A list that cannot be read or
/// parsed, or an opcode the decoder would apply whose parameters are impossible and that the
/// file does not mark optional, makes `problem`: such a file is refused rather than shown
/// without a correction its maker required (or with a wrong one).
OpcodeLists readOpcodeLists(RangefinderLibRaw& lr, const ParseState& st) {
    OpcodeLists out;
    if (!lr.imgdata.idata.dng_version) return out;
    const int ifd = lr.opcodeIfd();
    for (int list = 1; list <= 3; ++list)
        for (const OpcodeListBytes& l : st.opcodeLists) {
            if (l.ifd != ifd || l.list != list) continue;
            if (!l.problem.empty()) {
                out.problem = l.problem;
                return out;
            }
            try {
                out.lists.push_back(
                    {list, dng::parseOpcodeList(list, l.bytes.data(), l.bytes.size())});
            } catch (const Error& e) {
                out.problem = e.what();
                return out;
            }
        }
    for (const OpcodeLists::List& l : out.lists)
        for (std::size_t n = 0; n < l.opcodes.size(); ++n) {
            const dng::Opcode& op = l.opcodes[n];
            if (!op.problem.empty() && !op.optional && usedByUs(l.list, op)) {
                out.problem = opcodePlace(l.list, n, l.opcodes.size(), op) + ": " + op.problem;
                return out;
            }
        }
    return out;
}

/// What happens to each opcode, in list order. `gainMapsApplicable`: the decoded image is the
/// linear data OpcodeList2 describes (a Bayer mosaic or linear DNG copied as it is), not
/// something LibRaw demosaiced first.
std::vector<DngOpcodeNote> opcodeNotes(const OpcodeLists& ops, bool gainMapsApplicable) {
    std::vector<DngOpcodeNote> notes;
    bool haveWarp = false, haveVignette = false;
    for (const OpcodeLists::List& l : ops.lists)
        for (const dng::Opcode& op : l.opcodes) {
            DngOpcodeNote n;
            n.list = l.list;
            n.id = op.id;
            n.name = dng::opcodeName(op.id);
            n.optional = op.optional;
            n.previewOnly = op.previewOnly;
            const bool gain = op.id == dng::kGainMap;
            const bool warp = op.id == dng::kWarpRectilinear;
            const bool vignette = op.id == dng::kFixVignetteRadial;
            if (!op.problem.empty()) {
                n.note = "its parameters are impossible (" + op.problem + ")";
            } else if (gain && l.list == 2) {
                if (gainMapsApplicable)
                    n.fate = DngOpcodeNote::Fate::Applied;
                else
                    n.note =
                        "the sensor's data is demosaiced by LibRaw before a gain map could "
                        "be applied";
            } else if (gain) {
                n.note = "gain maps are applied from OpcodeList2 only";
            } else if ((warp || vignette) && l.list == 3) {
                bool& seen = warp ? haveWarp : haveVignette;
                if (!seen)
                    n.fate = DngOpcodeNote::Fate::LensStage;
                else
                    n.note = "only the first of its kind is used";
                seen = true;
            } else if (warp || vignette) {
                n.note = "lens opcodes are taken from OpcodeList3 only";
            } else {
                n.note = "not supported";
            }
            if (n.fate == DngOpcodeNote::Fate::Skipped && !op.optional)
                n.note += "; the file requires it, so the picture may differ from the camera's";
            notes.push_back(std::move(n));
        }
    return notes;
}

/// The gain maps `notes` (opcodeNotes, in the same order) has the decoder apply, in order.
std::vector<const dng::GainMap*> appliedGainMaps(const OpcodeLists& ops,
                                                 const std::vector<DngOpcodeNote>& notes) {
    std::vector<const dng::GainMap*> maps;
    std::size_t i = 0;
    for (const OpcodeLists::List& l : ops.lists)
        for (const dng::Opcode& op : l.opcodes)
            if (notes[i++].fate == DngOpcodeNote::Fate::Applied && op.gainMap)
                maps.push_back(&*op.gainMap);
    return maps;
}

/// Hands OpcodeList3's lens opcodes on in `img.dngLens`, as `notes` decided.
void placeLensOpcodes(const OpcodeLists& ops, const std::vector<DngOpcodeNote>& notes,
                      const dng::Frame& frame, RawImage& img) {
    std::size_t i = 0;
    for (const OpcodeLists::List& l : ops.lists)
        for (const dng::Opcode& op : l.opcodes) {
            const DngOpcodeNote::Fate fate = notes[i++].fate;
            if (fate == DngOpcodeNote::Fate::LensStage && op.warp)
                img.dngLens.warp = dng::placeWarp(*op.warp, frame);
            else if (fate == DngOpcodeNote::Fate::LensStage && op.vignette)
                img.dngLens.vignette = dng::placeVignette(*op.vignette, frame);
        }
}

/// Whether a decode would copy this file's data as it is (Bayer or linear), judged from the
/// header as decodeRaw's choice of path is (for readCaptureInfo, which unpacks nothing).
bool copiedAsIs(RangefinderLibRaw& lr) {
    const libraw_data_t& d = lr.imgdata;
    if (d.idata.colors != 3 || lr.is_fuji_rotated()) return false;
    if (d.idata.filters == 0) return true;
    if (d.idata.filters < 1000) return false;
    for (int row = 0; row < 8; ++row)
        for (int col = 0; col < 2; ++col)
            if (lr.COLOR(row, col) != lr.COLOR(row & 1, col)) return false;
    return true;
}

/// Where the decoded image (`area` of raw_image, at `scale`) lies in the image OpcodeList2 and 3
/// apply to: the raw IFD's active area (the whole raw when it has none that fits).
dng::Frame opcodeFrame(RangefinderLibRaw& lr, const Rect& area, double scale) {
    const libraw_image_sizes_t& s = lr.imgdata.sizes;
    const Rect active = lr.dngActiveArea().value_or(Rect{0, 0, s.raw_width, s.raw_height});
    return {double(area.x - active.x), double(area.y - active.y), double(active.width),
            double(active.height), scale};
}

}  // namespace

RawImage decodeRaw(const std::string& path, const DecodeOptions& options) {
    try {
        LibRawFile f(path);
        f.open();
        checkLimits(*f, options, path);
        checkNotTruncated(*f, f.fileSize(), path);
        // Before unpacking: a file refused for its opcode lists costs no decode.
        const OpcodeLists opcodes = readOpcodeLists(*f, f.state());
        if (!opcodes.problem.empty()) throw Error(path, "DNG opcode lists: " + opcodes.problem);
        f->imgdata.params.max_raw_memory_mb = unsigned(
            std::clamp<std::int64_t>(options.maxPixels * 8 / (1024 * 1024) + 64, 256, 1 << 20));
        f->wrapLoader(options.ownLoaders);
        const int unpacked = f->unpack();
        if (!f->damage().empty()) throw Error(path, "raw data is damaged: " + f->damage());
        f.check(unpacked);
        if (f->error_count() > 0 || f.state().firstDataErrorOffset != -2)
            throw Error(path, "file is truncated or corrupt");

        RawImage img;
        img.path = path;
        img.info = captureInfo(*f, f.state());
        img.decoder = f->decoderName();
        readColor(*f, img);
        // A DNG's default crop is cut out while copying: the masked or unused border it
        // leaves out would otherwise show in every export.
        const std::optional<Rect> crop = f->dngDefaultCrop();
        const Rect area = crop ? *crop : visibleArea(*f);
        // LibRaw's loaders stop at much of the damage they meet without saying so, leaving
        // the buffer as allocated: zero.
        if (blankFrame(*f, area))
            throw Error(path,
                        "raw data is damaged: the decoded frame holds no picture (one value "
                        "throughout)");
        int colorIndex[4];
        bool copied = true;  // the mosaic holds the file's data as it is, not LibRaw's demosaic
        // OpcodeList2's gain maps correct the data the white balance is estimated from; they
        // are applied while copying (RowGains).
        std::vector<DngOpcodeNote> notes = opcodeNotes(opcodes, true);
        const RowGains gains{appliedGainMaps(opcodes, notes), opcodeFrame(*f, area, 1.0)};
        if (bayerPhase(*f, area, img.cfa, colorIndex)) {
            img.layout = SensorLayout::Bayer;
            copyBayer(*f, area, colorIndex, gains, img.mosaic);
        } else {
            img.layout = SensorLayout::Linear;
            if (!copyLinear(*f, area, gains, img.mosaic)) {
                copied = false;
                bool toSRGB = false;
                interpolateWithLibRaw(f, options, crop, img.mosaic, toSRGB);
                if (toSRGB) {
                    img.cameraFromXYZ = inverse(xyzFromLinearSRGB());
                    img.hasColorMatrix = true;
                    img.asShotMultipliers = img.daylightMultipliers = {1, 1, 1};
                    img.asShotRecorded = true;  // LibRaw balanced the data as shot
                }
            }
        }
        if (img.mosaic.empty()) throw Error(path, "file is truncated or corrupt");
        img.info.width = img.mosaic.width();
        img.info.height = img.mosaic.height();
        img.info.dngOpcodes = copied ? std::move(notes) : opcodeNotes(opcodes, false);
        const double scale = area.width > 0 ? double(img.mosaic.width()) / area.width : 1.0;
        placeLensOpcodes(opcodes, img.info.dngOpcodes, opcodeFrame(*f, area, scale), img);
        img.autoMultipliers = estimateWhiteBalance(img);
        return img;
    } catch (const std::bad_alloc&) {
        throw Error(path, "out of memory while decoding");
    } catch (const Error& e) {
        if (e.file().empty()) throw Error(path, e.what());
        throw;
    }
}

CaptureInfo readCaptureInfo(const std::string& path) {
    try {
        LibRawFile f(path);
        f.open();
        CaptureInfo info = captureInfo(*f, f.state());
        const OpcodeLists opcodes = readOpcodeLists(*f, f.state());
        info.dngOpcodes = opcodeNotes(opcodes, copiedAsIs(*f));
        info.dngOpcodeProblem = opcodes.problem;
        return info;
    } catch (const std::bad_alloc&) {
        throw Error(path, "out of memory while reading metadata");
    }
}

std::vector<std::uint8_t> extractPreview(const std::string& path) {
    try {
        LibRawFile f(path);
        f.open();
        const int rc = f->unpack_thumb();
        if (rc == LIBRAW_NO_THUMBNAIL || rc == LIBRAW_UNSUPPORTED_THUMBNAIL) return {};
        // A preview cut off by truncation is simply absent; the raw may still be usable.
        if (rc == LIBRAW_IO_ERROR || rc == LIBRAW_DATA_ERROR) return {};
        f.check(rc);
        const libraw_thumbnail_t& t = f->imgdata.thumbnail;
        if (t.tformat != LIBRAW_THUMBNAIL_JPEG || !t.thumb || t.tlength < 4) return {};
        const auto* p = reinterpret_cast<const std::uint8_t*>(t.thumb);
        if (p[0] != 0xFF || p[1] != 0xD8) return {};
        return {p, p + t.tlength};
    } catch (const std::bad_alloc&) {
        throw Error(path, "out of memory while reading the preview");
    }
}

}  // namespace rf
