// SPDX-License-Identifier: GPL-3.0-or-later
// Export never replaces or half-writes a file: the image and its metadata go to a temporary
// file beside the target, which is flushed and then hard-linked into place, and link() fails
// rather than replace an existing name, so two parallel jobs racing for "IMG_1.jpg" both
// succeed under different numbers. The temporary file is registered while it exists, so even
// an immediate exit removes it (removeTemporaryExportFiles).
#include "rangefinder/export.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "io/atomic_file.h"
#include "io/atomic_file_faults.h"
#include "rangefinder/auto_tone.h"
#include "rangefinder/error.h"
#include "rangefinder/looks.h"
#include "util/text.h"

namespace rf {

namespace fs = std::filesystem;

namespace {

// Keeps names portable: path separators and control characters never come from metadata.
std::string safeFileComponent(std::string s) {
    for (char& c : s)
        if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 32 ||
            static_cast<unsigned char>(c) == 127)
            c = '_';
    // A value that is all dots ("..", a camera model read from a hostile file) would name a
    // folder when it is the whole name.
    if (!s.empty() && s.find_first_not_of('.') == std::string::npos) s.assign(s.size(), '_');
    return s;
}

// A template as it can be shown in a message: control characters escaped.
std::string printableTemplate(const std::string& t) {
    std::string out;
    for (char ch : t) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 32 || c == 127) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out;
}

bool isDiskFull(int err) {
    return err == ENOSPC || err == EDQUOT;
}

Error folderGone(const std::string& dir) {
    return Error(dir, "the output folder is gone (deleted or unmounted during the export)", ENOENT);
}

// What the photographer needs to hear when writing `target` (through `tmp`) failed: the
// output folder vanished, the disk is full, the file is too large — or the writer's own
// message, naming the file asked for rather than our temporary one.
Error writeFailure(const Error& e, const std::string& tmp, const std::string& target,
                   const std::string& outputDir) {
    const int err = e.systemError();
    std::error_code ec;
    if (!fs::is_directory(outputDir, ec)) return folderGone(outputDir);
    if (isDiskFull(err)) return Error(target, std::string("disk full: ") + std::strerror(err), err);
    if (err == EFBIG)
        return Error(target,
                     "file too large: the disk or the file size limit (ulimit -f) does not allow "
                     "it",
                     err);
    if (e.file() != tmp) return e;
    std::string msg = e.what();
    msg.erase(0, std::min(msg.size(), tmp.size() + 2));
    return Error(target, msg, err);
}

// The outcome of a file whose export threw: rethrows the exception in flight to sort it.
void recordFailure(ExportOutcome& outcome, const std::string& input) {
    try {
        throw;
    } catch (const Cancelled&) {
        outcome.error = "cancelled";
        outcome.status = ExportStatus::Cancelled;
    } catch (const Error& e) {
        // Errors name their file already (the raw, or the output that could not be written).
        outcome.error = e.file().empty() ? input + ": " + e.what() : e.what();
        outcome.status =
            isDiskFull(e.systemError()) ? ExportStatus::DiskFull : ExportStatus::Failed;
    } catch (const std::bad_alloc&) {
        outcome.error = input + ": out of memory";
        outcome.status = ExportStatus::Failed;
    } catch (const std::exception& e) {
        outcome.error = input + ": " + e.what();
        outcome.status = ExportStatus::Failed;
    }
}

// An export in its three phases: decode (serial, in LibRaw), render (parallel loops) and
// write (encode, metadata, flush, place: serial, and partly waiting on the disk). A batch
// overlaps one file's write with the next one's decode.
struct Rendered {
    RenderResult result;
    CaptureInfo info;
    std::string name;
};

Rendered renderDecoded(const ExportJob& job, std::shared_ptr<RawImage> raw,
                       const ExportSettings& settings, int seq, const CancelToken* cancel) {
    Rendered r;
    r.info = raw->info;
    r.name = expandNameTemplate(settings.nameTemplate, job.input, r.info, job.edits, seq,
                                settings.encode.format);
    // The raw and the pipeline's caches are released before encoding.
    Pipeline pipeline(std::move(raw));
    RenderOptions once = settings.render;
    once.oneShot = true;
    // Auto tone asked for on this export: its values are chosen for this photo, here, and
    // rendered like any others.
    if (job.edits.getBool("tone.auto"))
        r.result = pipeline.render(applyAutoTone(pipeline, job.edits, cancel), once, cancel);
    else
        r.result = pipeline.render(job.edits, once, cancel);
    return r;
}

// The output names one batch has placed: two inputs that expand to one name (IMG_1.CR2 from
// two folders) get two files, even with --overwrite, which only ever replaces files from
// before the run.
class ClaimedNames {
  public:
    bool claim(const fs::path& p) {
        std::lock_guard lock(mutex_);
        return names_.insert(p.lexically_normal().string()).second;
    }

  private:
    std::mutex mutex_;
    std::set<std::string> names_;
};

void writeRendered(const ExportJob& job, const Rendered& r, const ExportSettings& settings,
                   bool createFolder, ExportOutcome& outcome, ClaimedNames* claimed = nullptr) {
    outcome.width = r.result.rgb.width();
    outcome.height = r.result.rgb.height();
    if (createFolder) {
        std::error_code ec;
        fs::create_directories(settings.outputDir, ec);
        if (ec)
            throw Error(settings.outputDir, "cannot create the output folder: " + ec.message(),
                        ec.value());
    }
    const fs::path dir(settings.outputDir);
    const fs::path base(r.name);
    const fs::path first = dir / base;
    const TemporaryFile tmp(first.string());  // removed on every way out of this block
    try {
        const PhotoInfo* photo = job.photo ? &*job.photo : nullptr;
        if (embedsMetadata(settings.encode.format)) {
            const EmbeddedMetadata metadata = metadataToEmbed(
                job.input, r.info, outcome.width, outcome.height, settings.metadata, photo);
            writeImage(tmp.path(), r.result.rgb.cview(), settings.encode,
                       r.result.transform->iccProfile(), &metadata);
        } else {
            writeImage(tmp.path(), r.result.rgb.cview(), settings.encode,
                       r.result.transform->iccProfile());
            writeMetadata(tmp.path(), job.input, r.info, outcome.width, outcome.height,
                          settings.metadata, photo);
        }
        syncFile(tmp.path());
        faults::beforePlace(tmp.path(), first.string());
        // Numbered names instead of replacing: IMG_1.jpg, IMG_1-1.jpg, IMG_1-2.jpg …
        for (int n = 0; outcome.output.empty(); ++n) {
            if (n > 9999) throw Error(first.string(), "too many files with this name");
            const fs::path target = n == 0 ? first
                                           : dir / (base.stem().string() + "-" + std::to_string(n) +
                                                    base.extension().string());
            if (claimed && !claimed->claim(target)) continue;  // this run wrote that one
            if (placeFile(tmp.path(), target.string(), settings.overwrite))
                outcome.output = target.string();
        }
    } catch (const Error& e) {
        throw writeFailure(e, tmp.path(), first.string(), settings.outputDir);
    }
    outcome.status = ExportStatus::Exported;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

ExportOutcome exportOne(const ExportJob& job, const ExportSettings& settings, int seq,
                        const CancelToken* cancel, bool createFolder) {
    const auto start = std::chrono::steady_clock::now();
    ExportOutcome outcome;
    outcome.input = job.input;
    try {
        std::error_code ec;
        // In a batch the folder was made at the start; if it is gone now, making it again
        // would hide that the files already written went with it.
        if (!createFolder && !fs::is_directory(settings.outputDir, ec))
            throw folderGone(settings.outputDir);
        ++detail::exportDecodes;
        auto raw = std::make_shared<RawImage>(decodeRaw(job.input));
        const Rendered rendered = renderDecoded(job, std::move(raw), settings, seq, cancel);
        writeRendered(job, rendered, settings, createFolder, outcome);
    } catch (...) {
        recordFailure(outcome, job.input);
    }
    outcome.seconds = secondsSince(start);
    return outcome;
}

// What a raw file was when a batch read it ahead: if it is not the same file when its turn
// comes (deleted, replaced, rewritten), it is read again then, so reading ahead never
// exports what the folder no longer holds.
struct FileIdentity {
    bool known = false;
    dev_t dev = 0;
    ino_t ino = 0;
    off_t size = 0;
    timespec mtime{};

    static FileIdentity of(const std::string& path) {
        struct stat st {};
        FileIdentity id;
        if (::stat(path.c_str(), &st) != 0) return id;
        id.known = true;
        id.dev = st.st_dev;
        id.ino = st.st_ino;
        id.size = st.st_size;
        id.mtime = st.st_mtim;
        return id;
    }
    bool sameAs(const FileIdentity& o) const {
        return known && o.known && dev == o.dev && ino == o.ino && size == o.size &&
               mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
    }
};

// A raw decoded ahead of its turn, or why it could not be.
struct ReadAhead {
    std::string input;  // the file last read
    std::chrono::steady_clock::time_point started;
    std::shared_ptr<RawImage> raw;
    std::exception_ptr error;
    FileIdentity identity;

    void read(const std::string& path) {
        input = path;
        started = std::chrono::steady_clock::now();
        identity = FileIdentity::of(path);
        raw.reset();
        error = nullptr;
        try {
            ++detail::exportDecodes;
            raw = std::make_shared<RawImage>(decodeRaw(path));
        } catch (...) {
            error = std::current_exception();
        }
    }
    /// The decoded raw, read again if the file changed since; throws what decoding threw.
    std::shared_ptr<RawImage> take(const std::string& path) {
        if (input != path || !identity.sameAs(FileIdentity::of(path))) read(path);
        if (error) std::rethrow_exception(error);
        return std::move(raw);
    }
};

ExportOutcome notExported(const std::string& input, ExportStatus status, std::string error) {
    ExportOutcome o;
    o.input = input;
    o.status = status;
    o.error = std::move(error);
    return o;
}

}  // namespace

std::atomic<long> detail::exportDecodes{0};

std::string presetFolderName(const std::string& presetName) {
    std::string slug;
    bool gap = false;
    for (const char ch : presetName) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '_' || c == '.' || c >= 0x80) {
            if (gap && !slug.empty()) slug += '-';
            gap = false;
            slug += char(c < 0x80 ? std::tolower(c) : c);
        } else {
            gap = true;
        }
    }
    slug.erase(0, slug.find_first_not_of("-."));
    return slug.empty() ? "preset" : slug;
}

void removeTemporaryExportFiles() noexcept {
    removeTemporaryFilesNow();
}

bool looksLikeRawFile(const std::string& path) {
    static const char* const exts[] = {".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf",
                                       ".sr2", ".raf", ".dng", ".orf", ".rw2", ".rwl", ".pef",
                                       ".srw", ".mrw", ".3fr", ".fff", ".iiq", ".x3f", ".erf",
                                       ".kdc", ".dcr", ".mos", ".mef", ".raw", ".gpr"};
    const std::string ext = asciiLower(fs::path(path).extension().string());
    return std::find(std::begin(exts), std::end(exts), ext) != std::end(exts);
}

std::vector<std::string> rawFilesIn(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) throw Error(dir, "cannot read folder: " + ec.message());
    for (const auto& entry : it) {
        std::error_code fec;
        if (entry.is_regular_file(fec) && looksLikeRawFile(entry.path().string()))
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

PreparedJobs prepareExportJobs(const std::vector<std::string>& rawFiles, const EditDocument& common,
                               const JobOptions& options) {
    PreparedJobs prepared;
    const bool readSidecars = options.useSidecars || options.minRating.has_value();
    for (const auto& file : rawFiles) {
        ExportJob job{file, {}, {}};
        if (readSidecars) {
            Sidecar sidecar;
            try {
                sidecar = loadSidecar(file);
            } catch (const Error& e) {
                ExportOutcome failure;
                failure.input = file;
                failure.error = e.what();
                prepared.failed.push_back(std::move(failure));
                continue;
            }
            if (options.minRating && sidecar.info.rating < *options.minRating) {
                prepared.skipped.push_back(file);
                continue;
            }
            if (options.useSidecars) {
                job.edits = std::move(sidecar.edits);
                job.photo = std::move(sidecar.info);
            }
        }
        job.edits.merge(common);
        try {
            validateEdits(job.edits);
        } catch (const Error& e) {
            ExportOutcome failure;
            failure.input = file;
            failure.error = Error(file, e.what()).what();
            prepared.failed.push_back(std::move(failure));
            continue;
        }
        prepared.jobs.push_back(std::move(job));
    }
    return prepared;
}

std::string expandNameTemplate(const std::string& tpl, const std::string& input,
                               const CaptureInfo& info, const EditDocument& edits, int seq,
                               FileFormat format) {
    const fs::path in(input);
    std::string out;
    for (std::size_t i = 0; i < tpl.size();) {
        if (tpl[i] != '{') {
            // The template names a file inside the output folder, never a path: a separator,
            // or a control character (a newline in a name breaks every script that lists
            // the outputs), is refused rather than quietly replaced.
            const unsigned char c = static_cast<unsigned char>(tpl[i]);
            if (c == '/' || c == '\\' || c < 32 || c == 127)
                throw Error("file name template '" + printableTemplate(tpl) +
                            "' must name a file in the output folder: it may not contain " +
                            (c < 32 || c == 127 ? std::string("control characters")
                                                : "'" + std::string(1, char(c)) + "'"));
            out += tpl[i++];
            continue;
        }
        const auto close = tpl.find('}', i);
        if (close == std::string::npos)
            throw Error("file name template '" + tpl + "' has an unclosed '{'");
        const std::string field = tpl.substr(i + 1, close - i - 1);
        std::string value;
        if (field == "name") {
            value = in.stem().string();
        } else if (field == "ext") {
            value = in.extension().string();
            if (!value.empty()) value.erase(0, 1);
        } else if (field == "camera") {
            value = info.model.empty() ? "unknown" : info.model;
            std::replace(value.begin(), value.end(), ' ', '-');
        } else if (field == "date") {
            value = info.dateTime.size() >= 10 ? info.dateTime.substr(0, 10) : "undated";
        } else if (field == "look") {
            const std::string look = edits.getText("look.name");
            value = look.empty() ? "none" : lookSlug(look);
        } else if (field == "seq") {
            value = std::to_string(seq);
            value.insert(0, value.size() < 4 ? 4 - value.size() : 0, '0');
        } else {
            throw Error("file name template '" + tpl + "' has an unknown field {" + field +
                        "} (fields: {name} {ext} {camera} {date} {seq} {look})");
        }
        out += safeFileComponent(value);
        i = close + 1;
    }
    if (out.empty()) throw Error("file name template '" + tpl + "' gives an empty name");
    const std::string ext = std::string(".") + fileExtension(format);
    const std::string have = asciiLower(fs::path(out).extension().string());
    const bool matches = have == ext || (format == FileFormat::Jpeg && have == ".jpeg") ||
                         (format == FileFormat::Tiff && have == ".tiff");
    if (!matches) out += ext;
    return out;
}

ExportOutcome exportFile(const ExportJob& job, const ExportSettings& settings, int seq,
                         const CancelToken* cancel) {
    ExportOutcome o = exportOne(job, settings, seq, cancel, true);
    if (o.ok()) removeStaleTemporariesOnce(settings.outputDir);
    return o;
}

std::vector<ExportOutcome> exportBatch(const std::vector<ExportJob>& jobs,
                                       const ExportSettings& settings, int parallelJobs,
                                       const ExportProgress& progress, const CancelToken* cancel) {
    return exportBatch(jobs, std::vector<ExportSettings>{settings}, parallelJobs, progress, cancel);
}

std::vector<ExportOutcome> exportBatch(const std::vector<ExportJob>& jobs,
                                       const std::vector<ExportSettings>& targets, int parallelJobs,
                                       const ExportProgress& progress, const CancelToken* cancel) {
    const int nt = int(targets.size());
    const int total = int(jobs.size()) * nt;
    std::vector<ExportOutcome> outcomes(static_cast<std::size_t>(total));
    std::mutex mutex;
    int done = 0;
    // Outcome k is job k / nt exported with target k % nt.
    const auto report = [&](int k, ExportOutcome o) {
        std::lock_guard lock(mutex);
        o.target = k % nt;
        outcomes[std::size_t(k)] = std::move(o);
        ++done;
        if (progress) progress(outcomes[std::size_t(k)], done, total);
    };

    // Each target's folder is made and probed once, at the start. A folder that cannot be
    // made, or exists but takes no file (read-only, a full disk, /proc), fails that target's
    // files now, before anything is decoded; the other targets go on.
    std::vector<bool> usable(std::size_t(nt), true);
    for (int t = 0; t < nt && !jobs.empty(); ++t) {
        const std::string& dir = targets[std::size_t(t)].outputDir;
        std::error_code ec;
        fs::create_directories(dir, ec);
        int err = ec ? ec.value() : 0;
        std::string why = ec ? "cannot create the output folder: " + ec.message() : "";
        if (!err) {
            std::string probe = (fs::path(dir) / ".rf-probe-XXXXXX").string();
            const int fd = ::mkstemp(probe.data());
            if (fd < 0) {
                err = errno;
                why = std::string("cannot write in the output folder: ") + std::strerror(err);
            } else {
                ::close(fd);
                ::unlink(probe.c_str());
            }
        }
        if (err) {
            usable[std::size_t(t)] = false;
            const Error e(dir, why, err);
            const auto status = isDiskFull(err) ? ExportStatus::DiskFull : ExportStatus::Failed;
            for (int i = 0; i < int(jobs.size()); ++i)
                report(i * nt + t, notExported(jobs[std::size_t(i)].input, status, e.what()));
            continue;
        }
        removeStaleTemporariesOnce(dir);
    }
    if (std::none_of(usable.begin(), usable.end(), [](bool u) { return u; })) return outcomes;

    // Each lane takes files from a shared queue and renders one with the cores no other lane is
    // using; while it writes that one (encode, metadata, flush, place), a reader of its own
    // decodes the lane's next file. The next file's checks — a cancel, a full disk, the
    // folder gone, the raw changed since it was read — come only after the write has been
    // reported, so a lane's files see them in the same order as one after another would.
    // Several targets (presets) share one decode of each raw: it is rendered and written once
    // per target. The reader is one thread for the whole batch, and each buffer is freed by
    // the thread that allocated it in the order it was allocated, which keeps the allocator's
    // heaps from fragmenting over a long batch.
    std::atomic<bool> diskFull{false};
    std::atomic<int> next{0};
    ClaimedNames claimed;
    const int files = int(jobs.size());
    const auto stopped = [&] { return (cancel && cancel->cancelled()) || diskFull.load(); };
    const int n = parallelJobs > 0 ? parallelJobs : threadCount();
    runLanes(std::min(n, std::max(1, files)), [&](int) {
        BackgroundWorker reader;
        ReadAhead ahead;
        int i = next.fetch_add(1);
        const auto readNext = [&] {
            i = next.fetch_add(1);
            if (i < files && !stopped())
                reader.start([&ahead, &jobs, k = i] { ahead.read(jobs[std::size_t(k)].input); });
        };
        if (i < files && !stopped()) ahead.read(jobs[std::size_t(i)].input);
        while (i < files) {
            const int current = i;
            const ExportJob& job = jobs[std::size_t(current)];
            reader.wait();
            const auto start =
                ahead.input == job.input ? ahead.started : std::chrono::steady_clock::now();
            const auto reportAll = [&](ExportStatus status, const std::string& why) {
                for (int t = 0; t < nt; ++t)
                    if (usable[std::size_t(t)])
                        report(current * nt + t, notExported(job.input, status, why));
            };
            if (cancel && cancel->cancelled()) {
                readNext();
                reportAll(ExportStatus::Cancelled, "cancelled");
                continue;
            }
            if (diskFull.load()) {
                readNext();
                reportAll(ExportStatus::NotAttempted,
                          job.input + ": not exported: the disk is full");
                continue;
            }
            std::shared_ptr<RawImage> raw;
            std::exception_ptr decodeError;
            try {
                raw = ahead.take(job.input);
            } catch (...) {
                decodeError = std::current_exception();
            }
            for (int t = 0; t < nt; ++t) {
                if (!usable[std::size_t(t)]) continue;
                const ExportSettings& settings = targets[std::size_t(t)];
                const bool last = t == nt - 1;
                ExportOutcome o;
                o.input = job.input;
                std::optional<Rendered> rendered;
                try {
                    if (decodeError) std::rethrow_exception(decodeError);
                    std::error_code dirError;
                    if (!fs::is_directory(settings.outputDir, dirError))
                        throw folderGone(settings.outputDir);
                    if (diskFull.load()) throw Error(job.input, "not exported: the disk is full");
                    // The last target takes the raw, so its pipeline frees it as it renders.
                    rendered.emplace(renderDecoded(job, last ? std::move(raw) : raw, settings,
                                                   current + 1, cancel));
                } catch (...) {
                    recordFailure(o, job.input);
                }
                if (last) readNext();  // the next file decodes while this one is written
                if (rendered) {
                    try {
                        writeRendered(job, *rendered, settings, false, o, &claimed);
                    } catch (...) {
                        recordFailure(o, job.input);
                    }
                    rendered.reset();  // the output buffer back to the pool before reporting
                }
                o.seconds = secondsSince(start);
                if (o.status == ExportStatus::DiskFull) diskFull.store(true);
                report(current * nt + t, std::move(o));
            }
            if (nt == 0 || !usable[std::size_t(nt - 1)]) readNext();
        }
    });

    // A file reported as exported may have gone since (its folder removed mid-batch).
    std::error_code ec;
    for (auto& o : outcomes) {
        if (o.status != ExportStatus::Exported || fs::exists(fs::symlink_status(o.output, ec)))
            continue;
        o.status = ExportStatus::Failed;
        o.error = o.output + ": was exported, but is no longer there (deleted during the export)";
        o.output.clear();
    }
    return outcomes;
}

}  // namespace rf
