// SPDX-License-Identifier: GPL-3.0-or-later
// Export never replaces or half-writes a file: the image and its metadata go to a temporary
// file beside the target, which is flushed and then hard-linked into place, and link() fails
// rather than replace an existing name, so two parallel jobs racing for "IMG_1.jpg" both
// succeed under different numbers.
#include "rangefinder/export.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <mutex>

#include "io/atomic_file.h"
#include "rangefinder/error.h"
#include "rangefinder/looks.h"
#include "util/text.h"

namespace rf {

namespace fs = std::filesystem;

namespace {

// Keeps names portable: path separators and control characters never come from metadata.
std::string safeFileComponent(std::string s) {
    for (char& c : s)
        if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 32) c = '_';
    return s;
}

}  // namespace

ExportSettings exportPreset(const std::string& name) {
    ExportSettings s;
    if (name == "web") {
        s.render.size = {SizeMode::LongEdge, 2048};
        s.render.sharpen = {0.6f, 0.6f, 0.01f};
        s.encode.quality = 85;
        s.encode.subsampling = ChromaSubsampling::S420;
        s.encode.progressive = true;
        s.metadata.mode = MetadataMode::NoLocation;
    } else if (name == "full") {
        s.render.size = {SizeMode::Original};
        s.encode.quality = 92;
        s.encode.subsampling = ChromaSubsampling::S444;
        s.metadata.mode = MetadataMode::All;
    } else {
        throw Error("unknown preset '" + name + "' (presets: web, full)");
    }
    return s;
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
    const auto start = std::chrono::steady_clock::now();
    ExportOutcome outcome;
    outcome.input = job.input;
    try {
        auto raw = std::make_shared<RawImage>(decodeRaw(job.input));
        const CaptureInfo info = raw->info;
        const std::string name = expandNameTemplate(settings.nameTemplate, job.input, info,
                                                    job.edits, seq, settings.encode.format);
        RenderResult result;
        {  // the raw and the pipeline's caches are released before encoding
            Pipeline pipeline(std::move(raw));
            RenderOptions once = settings.render;
            once.oneShot = true;
            result = pipeline.render(job.edits, once, cancel);
        }
        outcome.width = result.rgb.width();
        outcome.height = result.rgb.height();

        std::error_code ec;
        fs::create_directories(settings.outputDir, ec);
        if (ec) throw Error(settings.outputDir, "cannot create the output folder: " + ec.message());
        const fs::path dir(settings.outputDir);
        const fs::path base(name);
        const fs::path first = dir / base;
        const std::string tmp = temporarySiblingPath(first.string());
        try {
            writeImage(tmp, result.rgb.cview(), settings.encode, result.transform->iccProfile());
            writeMetadata(tmp, job.input, info, outcome.width, outcome.height, settings.metadata,
                          job.photo ? &*job.photo : nullptr);
            syncFile(tmp);
            // Numbered names instead of replacing: IMG_1.jpg, IMG_1-1.jpg, IMG_1-2.jpg …
            for (int n = 0; outcome.output.empty(); ++n) {
                if (n > 9999) throw Error(first.string(), "too many files with this name");
                const fs::path target = n == 0
                                            ? first
                                            : dir / (base.stem().string() + "-" +
                                                     std::to_string(n) + base.extension().string());
                if (placeFile(tmp, target.string(), settings.overwrite))
                    outcome.output = target.string();
            }
        } catch (...) {
            std::error_code rmError;
            fs::remove(tmp, rmError);
            try {
                throw;
            } catch (const Error& e) {
                if (e.file() != tmp) throw;
                // Name the file the photographer asked for, not our temporary one.
                std::string msg = e.what();
                msg.erase(0, std::min(msg.size(), tmp.size() + 2));
                throw Error(first.string(), msg);
            }
        }
    } catch (const Cancelled&) {
        outcome.error = "cancelled";
    } catch (const Error& e) {
        // Errors name their file already (the raw, or the output that could not be written).
        outcome.error = e.file().empty() ? job.input + ": " + e.what() : e.what();
    } catch (const std::bad_alloc&) {
        outcome.error = job.input + ": out of memory";
    } catch (const std::exception& e) {
        outcome.error = job.input + ": " + e.what();
    }
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

std::vector<ExportOutcome> exportBatch(const std::vector<ExportJob>& jobs,
                                       const ExportSettings& settings, int parallelJobs,
                                       const ExportProgress& progress, const CancelToken* cancel) {
    std::vector<ExportOutcome> outcomes(jobs.size());
    std::mutex mutex;
    int done = 0;
    const int total = int(jobs.size());
    const int n = parallelJobs > 0 ? parallelJobs : threadCount();
    parallelTasks(total, std::min(n, std::max(1, total)), [&](int i) {
        ExportOutcome o;
        if (cancel && cancel->cancelled()) {
            o.input = jobs[i].input;
            o.error = "cancelled";
        } else {
            o = exportFile(jobs[i], settings, i + 1, cancel);
        }
        std::lock_guard lock(mutex);
        outcomes[i] = o;
        ++done;
        if (progress) progress(outcomes[i], done, total);
    });
    return outcomes;
}

}  // namespace rf
