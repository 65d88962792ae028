// SPDX-License-Identifier: GPL-3.0-or-later
// Exporting: raw files in, finished images out. One call renders a file through the pipeline
// and writes it safely (a temporary file beside the target, flushed, then linked into place
// so an existing file is never replaced unless asked, and a failure leaves nothing behind).
// A batch runs files in parallel, one per core, reports each file's outcome as it finishes
// and goes on past failures — except a full disk, after which every later file would fail
// the same way, so the batch stops (docs/cli.md). Cancelling stops it too: a render in flight
// is abandoned, an encode in flight finishes. Either way no partial file is ever left in the
// output folder. Both front ends export through here.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rangefinder/parallel.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/sidecar.h"
#include "rangefinder/writer.h"

namespace rf {

struct ExportSettings {
    RenderOptions render;
    EncodeOptions encode;
    MetadataPolicy metadata;
    std::string outputDir = ".";
    /// Fields: {name} (input name without extension), {ext} (input extension), {camera},
    /// {date} (capture date, YYYY-MM-DD), {seq} (position in the batch, 1-based), {look} (the
    /// applied look's name, lowercase with hyphens: "leica-authentic"; "none" without one).
    /// The output format's extension is added when the template has none.
    std::string nameTemplate = "{name}";
    bool overwrite = false;
};

/// The settings of the preset file of that name in the export-presets folders
/// (export_presets.h): the shipped "web" (2048 px long edge, JPEG q85, sRGB, screen
/// sharpening, metadata without location) and "full" (full size, JPEG q92 4:4:4, no
/// sharpening, all metadata), or one of the user's. Throws rf::Error for an unknown name or a
/// malformed file (naming the file and the key).
ExportSettings exportPreset(const std::string& name);

struct ExportJob {
    std::string input;
    EditDocument edits;
    /// The sidecar's rating, label, title, keywords…, embedded as the metadata mode allows.
    std::optional<PhotoInfo> photo;
};

enum class ExportStatus {
    Exported,      ///< `output` is the file written
    Failed,        ///< this file could not be exported; `error` names the file and the problem
    DiskFull,      ///< Failed because the disk (or the quota) is full: the batch stops here
    Cancelled,     ///< cancelled before it started, or its render abandoned: `error` "cancelled"
    NotAttempted,  ///< not started because an earlier file found the disk full
};

struct ExportOutcome {
    std::string input;
    std::string output;  ///< empty on failure
    std::string error;   ///< empty on success
    int width = 0, height = 0;
    double seconds = 0;
    /// Set by exportFile and exportBatch; an outcome made elsewhere with an error is Failed.
    ExportStatus status = ExportStatus::Failed;
    int target = 0;  ///< which of exportBatch's targets (presets) this file was for
    bool ok() const { return error.empty(); }
};

/// Which photos become jobs and what they carry from their sidecars.
struct JobOptions {
    /// The sidecar's edits and PhotoInfo go into each job; false exports with `common` only.
    bool useSidecars = true;
    /// Photos rated below this are skipped (their sidecars are read even without useSidecars).
    std::optional<int> minRating;
};

struct PreparedJobs {
    std::vector<ExportJob> jobs;
    /// Photos whose sidecar could not be read: the error names the sidecar. They are not
    /// exported, so the photographer's edits are never silently dropped.
    std::vector<ExportOutcome> failed;
    std::vector<std::string> skipped;  ///< rated below JobOptions::minRating
};

/// One job per raw file, in order: the edits of its sidecar with `common` merged over them,
/// and its PhotoInfo for the metadata. Both front ends build their jobs here. Never throws
/// for a bad sidecar (see PreparedJobs::failed); a missing raw is left to exportFile.
PreparedJobs prepareExportJobs(const std::vector<std::string>& rawFiles,
                               const EditDocument& common = {}, const JobOptions& options = {});

/// Expands the name template for one file (without the directory or collision numbering).
std::string expandNameTemplate(const std::string& nameTemplate, const std::string& input,
                               const CaptureInfo& info, const EditDocument& edits, int seq,
                               FileFormat format);

/// Renders and writes one file, creating the output folder if needed. Never throws for a bad
/// input: the outcome says what failed. A full disk, a quota or a file size limit is named as
/// such ("disk full", "file too large"), with the file.
ExportOutcome exportFile(const ExportJob& job, const ExportSettings& settings, int seq = 1,
                         const CancelToken* cancel = nullptr);

using ExportProgress = std::function<void(const ExportOutcome& finished, int done, int total)>;

/// Exports every job, `jobs` files at a time (0 = one per core), calling `progress` (from
/// worker threads, serialised) as each finishes. Outcomes come back in input order.
///
/// The output folder is created once, at the start; if it disappears later, the files not yet
/// written fail, naming the folder, and it is not silently made again. After a DiskFull
/// outcome the files not yet started are NotAttempted; once `cancel` fires they are
/// Cancelled. At the end every Exported output is checked to be still there: one that was
/// deleted meanwhile (with its folder, say) becomes Failed, so a summary never counts a file
/// the photographer does not have.
std::vector<ExportOutcome> exportBatch(const std::vector<ExportJob>& jobs,
                                       const ExportSettings& settings, int parallelJobs = 0,
                                       const ExportProgress& progress = {},
                                       const CancelToken* cancel = nullptr);

/// Several targets (presets) for one batch: each raw is decoded once and rendered and written
/// once per target, into that target's folder. Outcome k is job k / targets.size() with target
/// k % targets.size(); a target whose folder cannot be made or written fails its files alone.
std::vector<ExportOutcome> exportBatch(const std::vector<ExportJob>& jobs,
                                       const std::vector<ExportSettings>& targets,
                                       int parallelJobs = 0, const ExportProgress& progress = {},
                                       const CancelToken* cancel = nullptr);

/// The sub-folder a preset's files go to when several presets export into one folder, from
/// its name as people read it ("Full size" → "full-size"): lower case, runs of anything but
/// letters, digits, '_' and '.' become '-' (bytes of non-ASCII letters are kept). The app and
/// the command line name them alike.
std::string presetFolderName(const std::string& presetName);

namespace detail {
/// Raw files decoded by exports in this process (a test's view of "each raw decoded once").
extern std::atomic<long> exportDecodes;
}  // namespace detail

/// For a front end that must exit at once (a second Ctrl+C): deletes the temporary files of
/// every export and atomic write in flight, so none is left behind. Async-signal-safe.
void removeTemporaryExportFiles() noexcept;

/// Raw files in a folder (by extension, not recursive), sorted by name.
std::vector<std::string> rawFilesIn(const std::string& dir);
bool looksLikeRawFile(const std::string& path);

}  // namespace rf
