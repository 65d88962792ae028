// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/interrupt.h"

#include <pthread.h>

#include <initializer_list>

namespace rf {

bool blockInterruptSignals(sigset_t& blocked) {
    ::signal(SIGXFSZ, SIG_IGN);
    sigemptyset(&blocked);
    bool any = false;
    for (const int sig : {SIGINT, SIGTERM}) {
        struct sigaction old {};
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaddset(&blocked, sig);
        any = true;
    }
    if (any) ::pthread_sigmask(SIG_BLOCK, &blocked, nullptr);
    return any;
}

}  // namespace rf
