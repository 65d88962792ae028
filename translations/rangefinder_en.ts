<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::EditorWidget</name>
    <message numerus="yes">
        <source>%1: %n photo(s) changed, %2 failed: %3</source>
        <translation>
            <numerusform>%1: %n photo changed, %2 failed: %3</numerusform>
            <numerusform>%1: %n photos changed, %2 failed: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n photo(s) changed</source>
        <translation>
            <numerusform>%1: %n photo changed</numerusform>
            <numerusform>%1: %n photos changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n Photo(s)</source>
        <translation>
            <numerusform>Export %n Photo</numerusform>
            <numerusform>Export %n Photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n preset(s)</source>
        <translation>
            <numerusform>%n preset</numerusform>
            <numerusform>%n presets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportProgressWidget</name>
    <message numerus="yes">
        <source>Exporting %n file(s)…</source>
        <translation>
            <numerusform>Exporting %n file…</numerusform>
            <numerusform>Exporting %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n more waiting</source>
        <translation>
            <numerusform> · %n more waiting</numerusform>
            <numerusform> · %n more waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::ExportSummaryDialog</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::LooksPanel</name>
    <message numerus="yes">
        <source>%n look(s)</source>
        <translation>
            <numerusform>%n look</numerusform>
            <numerusform>%n looks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::MainWindow</name>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rf::gui::PhotoCommands</name>
    <message numerus="yes">
        <source>%n Star(s)</source>
        <translation>
            <numerusform>%n Star</numerusform>
            <numerusform>%n Stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Label removed from %n photo(s)</source>
        <translation>
            <numerusform>Label removed from %n photo</numerusform>
            <numerusform>Label removed from %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) rated %1</source>
        <translation>
            <numerusform>%n photo rated %1</numerusform>
            <numerusform>%n photos rated %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) no longer rejected</source>
        <translation>
            <numerusform>%n photo no longer rejected</numerusform>
            <numerusform>%n photos no longer rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) rejected</source>
        <translation>
            <numerusform>%n photo rejected</numerusform>
            <numerusform>%n photos rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) labelled %1</source>
        <translation>
            <numerusform>%n photo labelled %1</numerusform>
            <numerusform>%n photos labelled %1</numerusform>
        </translation>
    </message>
</context>
</TS>
