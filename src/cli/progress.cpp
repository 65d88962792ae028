// SPDX-License-Identifier: GPL-3.0-or-later
#include "progress.h"

#include <filesystem>

namespace rf::cli {

Progress::Progress(int total, bool terminal, bool quiet)
    : total_(total), terminal_(terminal), quiet_(quiet), start_(std::chrono::steady_clock::now()) {
    if (terminal_ && !quiet_ && total_ > 0) drawBar(0);
}

static std::string formatSeconds(double s) {
    char buf[32];
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%.0fs", s);
    else
        std::snprintf(buf, sizeof buf, "%dm%02ds", int(s) / 60, int(s) % 60);
    return buf;
}

void Progress::drawBar(int done) {
    constexpr int width = 30;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const int filled = total_ > 0 ? done * width / total_ : width;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::string eta = "";
    if (done > 0 && done < total_) eta = " ETA " + formatSeconds(elapsed / done * (total_ - done));
    std::fprintf(stderr, "\r\033[K[%s] %d/%d %s%s", bar.c_str(), done, total_,
                 formatSeconds(elapsed).c_str(), eta.c_str());
    std::fflush(stderr);
    barShown_ = true;
}

void Progress::update(const ExportOutcome& o, int done) {
    const std::string name = std::filesystem::path(o.input).filename().string();
    if (terminal_ && barShown_) std::fprintf(stderr, "\r\033[K");
    // Files the batch never wrote because it stopped are counted in the summary, not here.
    const bool stopped =
        o.status == ExportStatus::Cancelled || o.status == ExportStatus::NotAttempted;
    if (!o.ok() && !stopped)
        std::fprintf(stderr, "FAILED %s\n", o.error.c_str());
    else if (o.ok() && !quiet_)
        std::fprintf(stderr, "[%d/%d] %s -> %s (%dx%d, %.2fs)\n", done, total_, name.c_str(),
                     o.output.c_str(), o.width, o.height, o.seconds);
    if (terminal_ && !quiet_) drawBar(done);
}

void Progress::finish() {
    if (terminal_ && barShown_) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
}

}  // namespace rf::cli
