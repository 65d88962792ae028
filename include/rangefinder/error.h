// SPDX-License-Identifier: GPL-3.0-or-later
// Errors the core reports to its front ends. Every failure a photographer can cause (a corrupt
// raw, an unwritable folder, a malformed edit document) is an `rf::Error` whose message names
// the file and the problem in plain words, so a batch can report it and go on with the next
// file. When the operating system refused (a full disk, a folder that is gone) the errno value
// travels with it, so a batch can tell "this file is bad" from "nothing more can be written".
// `Cancelled` is thrown when a render is abandoned because a newer one superseded it.
#pragma once

#include <stdexcept>
#include <string>

namespace rf {

class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    Error(const std::string& file, const std::string& message)
        : std::runtime_error(file.empty() ? message : file + ": " + message), file_(file) {}
    Error(const std::string& file, const std::string& message, int systemError)
        : Error(file, message) {
        systemError_ = systemError;
    }
    const std::string& file() const { return file_; }
    /// The errno value behind the failure (ENOSPC, EFBIG, ENOENT…), 0 when there is none.
    int systemError() const { return systemError_; }

  private:
    std::string file_;
    int systemError_ = 0;
};

class Cancelled : public std::runtime_error {
  public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace rf
