// SPDX-License-Identifier: GPL-3.0-or-later
// Batch progress for people and for logs: on a terminal, one redrawn line with a bar, counts
// and an estimate of the time left; otherwise (CI, pipes) one plain line per finished file.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "rangefinder/export.h"

namespace rf::cli {

class Progress {
  public:
    Progress(int total, bool terminal, bool quiet);
    /// Called as each file finishes (serialised by the caller).
    void update(const ExportOutcome& finished, int done);
    void finish();

  private:
    void drawBar(int done);
    int total_;
    bool terminal_;
    bool quiet_;
    bool barShown_ = false;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace rf::cli
