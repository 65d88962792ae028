# SPDX-License-Identifier: GPL-3.0-or-later
# What an installed Rangefinder brings besides its programs and data: man pages generated from
# the programs' own help (scripts/make-manpage.sh, help2man), bash completion, the licence,
# and the Debian package CPack builds from the same install rules (scripts/build-deb.sh).
# Everything is installed relative to the prefix, so `cmake --install --prefix ANY`, the
# package (prefix /usr) and a build tree all find their data the same way.

# ---- man pages ---------------------------------------------------------------------------
# Not in sanitizer or fuzzing builds, which are never installed (and whose programs are slow
# and noisy to run at build time).
find_program(RF_HELP2MAN help2man)
if(RF_HELP2MAN AND NOT RF_SANITIZE AND NOT RF_FUZZ)
    set(rf_manpages)
    set(rf_man_programs rangefinder-cli)
    if(TARGET rangefinder)
        list(APPEND rf_man_programs rangefinder)
    endif()
    foreach(program ${rf_man_programs})
        set(page ${CMAKE_BINARY_DIR}/man/${program}.1.gz)
        add_custom_command(
            OUTPUT ${page}
            COMMAND ${CMAKE_SOURCE_DIR}/scripts/make-manpage.sh $<TARGET_FILE:${program}>
                    ${program} ${page}
            DEPENDS ${program} ${CMAKE_SOURCE_DIR}/scripts/make-manpage.sh
                    ${CMAKE_SOURCE_DIR}/data/man/${program}.h2m
            COMMENT "Generating the ${program}(1) man page from its --help"
            VERBATIM)
        list(APPEND rf_manpages ${page})
    endforeach()
    add_custom_target(manpages ALL DEPENDS ${rf_manpages})
    install(FILES ${rf_manpages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(STATUS "No man pages in this build (help2man missing, or a sanitizer/fuzz build)")
endif()

# ---- shell completion, licence -----------------------------------------------------------
install(FILES data/completion/rangefinder-cli
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# Debian keeps a package's licence as share/doc/<package>/copyright.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rangefinder RENAME copyright)

# ---- the Debian package ------------------------------------------------------------------
# Built by scripts/build-deb.sh (`cpack -G DEB` on a Release build). Its dependencies are the
# shared libraries the programs link, as dpkg-shlibdeps finds them, so the package installs
# with `apt-get install ./rangefinder_*.deb` on any Debian 12 machine. Desktop, MIME and icon
# caches are refreshed by the triggers of the packages that own them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rangefinder)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Rangefinder")
set(CPACK_PACKAGE_CONTACT "Rangefinder developers <rangefinder-photo@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "raw photo editor with film-like looks")
set(CPACK_PACKAGE_DESCRIPTION
    "Rangefinder develops camera raw files (Canon, Nikon, Sony, Fujifilm, DNG and more) with\n\
looks inspired by classic rangefinder and medium-format colour. Open a folder, pick a\n\
look, adjust exposure, white balance and crop, apply the look to a batch and export JPEGs\n\
for the web. Edits live in XMP sidecars; raw files are never written. Includes the Qt 6\n\
desktop app (rangefinder) and the batch command line (rangefinder-cli).")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${RF_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# lensfun's database is data, not a linked library: shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "liblensfun-data-v1")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "darktable, rawtherapee")
include(CPack)

# ---- tests of what is installed (tests/package/) -----------------------------------------
# They test what is shipped, so not in sanitizer or fuzzing builds (never shipped).
if(RF_BUILD_TESTS AND NOT RF_SANITIZE AND NOT RF_FUZZ)
    add_test(NAME package_install_relocatable
             COMMAND ${CMAKE_SOURCE_DIR}/tests/package/test_install.sh ${CMAKE_BINARY_DIR})
    add_test(NAME package_completion
             COMMAND ${CMAKE_SOURCE_DIR}/tests/package/test_completion.sh ${CMAKE_SOURCE_DIR}
                     $<TARGET_FILE:rangefinder-cli>)
    add_test(NAME package_metainfo
             COMMAND ${CMAKE_SOURCE_DIR}/tests/package/test_metainfo.sh ${RF_METAINFO}
                     ${CMAKE_SOURCE_DIR}/data/rangefinder.desktop)
    set_tests_properties(package_metainfo PROPERTIES SKIP_RETURN_CODE 77)
    if(TARGET manpages)
        add_test(NAME package_manpages
                 COMMAND ${CMAKE_SOURCE_DIR}/tests/package/test_manpages.sh
                         ${CMAKE_BINARY_DIR}/man $<TARGET_FILE:rangefinder-cli>)
        set_tests_properties(package_manpages PROPERTIES SKIP_RETURN_CODE 77)
    endif()
    # Installs into the machine: run alone, and only where it has root (CI).
    add_test(NAME package_deb COMMAND ${CMAKE_SOURCE_DIR}/tests/package/test_deb.sh
                                      ${CMAKE_BINARY_DIR})
    set_tests_properties(package_deb PROPERTIES SKIP_RETURN_CODE 77 RUN_SERIAL TRUE TIMEOUT 900)
endif()
