<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>spectag::PlaylistListModel</name>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnalysisPanel</name>
    <message numerus="yes">
        <source>Paused: %n track(s) waiting</source>
        <translation>
            <numerusform>Paused: %n track waiting</numerusform>
            <numerusform>Paused: %n tracks waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n track(s)…</source>
        <translation>
            <numerusform>Queued %n track…</numerusform>
            <numerusform>Queued %n tracks…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 analysed, %n not analysed</source>
        <translation>
            <numerusform>Cancelled: %1 analysed, %n not analysed</numerusform>
            <numerusform>Cancelled: %1 analysed, %n not analysed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n failed</numerusform>
            <numerusform>, %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n track(s)</source>
        <translation>
            <numerusform>Done: %n track</numerusform>
            <numerusform>Done: %n tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnnotationController</name>
    <message numerus="yes">
        <source>Key %1 has no mood (the mood head has %n label(s))</source>
        <translation>
            <numerusform>Key %1 has no mood (the mood head has %n label)</numerusform>
            <numerusform>Key %1 has no mood (the mood head has %n labels)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotated item(s) to %1; %2 annotation(s) left out</source>
        <translation>
            <numerusform>Exported %n annotated item to %1; %2 annotation(s) left out</numerusform>
            <numerusform>Exported %n annotated items to %1; %2 annotation(s) left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotated item(s) to %1</source>
        <translation>
            <numerusform>Exported %n annotated item to %1</numerusform>
            <numerusform>Exported %n annotated items to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::FineTuneDialog</name>
    <message numerus="yes">
        <source>%n annotated track(s) or segment(s) fit the model&apos;s labels.</source>
        <translation>
            <numerusform>%n annotated track or segment fits the model&apos;s labels.</numerusform>
            <numerusform>%n annotated tracks or segments fit the model&apos;s labels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::LibraryCharts</name>
    <message numerus="yes">
        <source>Model %1: %n analysed track(s)</source>
        <translation>
            <numerusform>Model %1: %n analysed track</numerusform>
            <numerusform>Model %1: %n analysed tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) annotated by people</source>
        <translation>
            <numerusform>%n track annotated by people</numerusform>
            <numerusform>%n tracks annotated by people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::MainWindow</name>
    <message numerus="yes">
        <source>Added %n track(s) from %1</source>
        <translation>
            <numerusform>Added %n track from %1</numerusform>
            <numerusform>Added %n tracks from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) from %1; %2 file(s) could not be read</source>
        <translation>
            <numerusform>Added %n track from %1; %2 file(s) could not be read</numerusform>
            <numerusform>Added %n tracks from %1; %2 file(s) could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags written to %n file(s)</source>
        <translation>
            <numerusform>Tags written to %n file</numerusform>
            <numerusform>Tags written to %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) failed</source>
        <translation>
            <numerusform>; %n file failed</numerusform>
            <numerusform>; %n files failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n track(s)</source>
        <translation>
            <numerusform>%1 of %n track</numerusform>
            <numerusform>%1 of %n tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::PlaylistPanel</name>
    <message numerus="yes">
        <source>Marked %n track(s) as “%1”</source>
        <translation>
            <numerusform>Marked %n track as “%1”</numerusform>
            <numerusform>Marked %n tracks as “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %n new file(s) to the library</source>
        <translation>
            <numerusform>added %n new file to the library</numerusform>
            <numerusform>added %n new files to the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ignored %n item(s) that are not audio files</source>
        <translation>
            <numerusform>ignored %n item that is not an audio file</numerusform>
            <numerusform>ignored %n items that are not audio files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n of %1 track(s)</source>
        <translation>
            <numerusform>Imported %n of %1 track(s)</numerusform>
            <numerusform>Imported %n of %1 tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::ScatterMap</name>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Playlist “%1”: %n track(s)</source>
        <translation>
            <numerusform>Playlist “%1”: %n track</numerusform>
            <numerusform>Playlist “%1”: %n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Name of the new playlist (%n track(s)):</source>
        <translation>
            <numerusform>Name of the new playlist (%n track):</numerusform>
            <numerusform>Name of the new playlist (%n tracks):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::TagWriteDialog</name>
    <message numerus="yes">
        <source>Reading the tags of %n file(s)…</source>
        <translation>
            <numerusform>Reading the tags of %n file…</numerusform>
            <numerusform>Reading the tags of %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will change</source>
        <translation>
            <numerusform>%n file will change</numerusform>
            <numerusform>%n files will change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) cannot be written</source>
        <translation>
            <numerusform>; %n file cannot be written</numerusform>
            <numerusform>; %n files cannot be written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Write Tags (%n file(s))</source>
        <translation>
            <numerusform>Write Tags (%n file)</numerusform>
            <numerusform>Write Tags (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::TrajectoryDialog</name>
    <message numerus="yes">
        <source>Only %n track(s) in the mood plane: all of them, in path order.</source>
        <translation>
            <numerusform>Only %n track in the mood plane: all of them, in path order.</numerusform>
            <numerusform>Only %n tracks in the mood plane: all of them, in path order.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) chosen from %1 in the mood plane.</source>
        <translation>
            <numerusform>%n track chosen from %1 in the mood plane.</numerusform>
            <numerusform>%n tracks chosen from %1 in the mood plane.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Playlist “%1”: %n track(s)</source>
        <translation>
            <numerusform>Playlist “%1”: %n track</numerusform>
            <numerusform>Playlist “%1”: %n tracks</numerusform>
        </translation>
    </message>
</context>
</TS>
