// SPDX-License-Identifier: GPL-3.0-or-later
// Errors the core reports to its front ends. Every failure a photographer can cause (a corrupt
// raw, an unwritable folder, a malformed edit document) is an `rf::Error` whose message names
// the file and the problem in plain words, so a batch can report it and go on with the next
// file. `Cancelled` is thrown when a render is abandoned because a newer one superseded it.
#pragma once

#include <stdexcept>
#include <string>

namespace rf {

class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    Error(const std::string& file, const std::string& message)
        : std::runtime_error(file.empty() ? message : file + ": " + message), file_(file) {}
    const std::string& file() const { return file_; }

  private:
    std::string file_;
};

class Cancelled : public std::runtime_error {
  public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace rf
