// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/core_text.h"

#include <QCoreApplication>

#include "i18n/core_contexts.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/looks.h"
#include "rangefinder/params.h"

namespace rf::gui {

namespace {

QString translated(const char* context, const std::string& text) {
    if (text.empty()) return {};
    return QCoreApplication::translate(context, text.c_str());
}

}  // namespace

QString paramLabel(const ParamDecl& decl) {
    return translated(i18n::kParamLabel, decl.label);
}

QString paramHelp(const ParamDecl& decl) {
    return translated(i18n::kParamHelp, decl.help);
}

QString paramSection(const std::string& section) {
    return translated(i18n::kParamSection, section);
}

QString paramChoice(const std::string& choice) {
    return translated(i18n::kParamChoice, i18n::choiceText(choice));
}

QString exportLabel(const ExportSettingDecl& decl) {
    return translated(i18n::kExportLabel, decl.label);
}

QString exportHelp(const ExportSettingDecl& decl) {
    return translated(i18n::kExportLabel, decl.help);
}

QString exportChoiceLabel(const ExportChoice& choice) {
    return translated(i18n::kExportLabel, choice.label);
}

QString exportChoiceHelp(const ExportChoice& choice) {
    return translated(i18n::kExportLabel, choice.help);
}

QString exportPresetLabel(const std::string& label) {
    return translated(i18n::kExportPreset, label);
}

QString lookDescription(const Look& look) {
    return translated(i18n::kLookDescription, look.description);
}

}  // namespace rf::gui
