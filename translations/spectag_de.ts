<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>spectag::LibraryModel</name>
    <message>
        <source>From the file&apos;s tags</source>
        <translation>Aus den Tags der Datei</translation>
    </message>
    <message>
        <source>Predicted (tag: %1)</source>
        <translation>Vorhergesagt (Tag: %1)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>analysed</source>
        <translation>analysiert</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>spectag::PlaylistListModel</name>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stücke</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnalysisPanel</name>
    <message>
        <source>Idle</source>
        <translation>Im Leerlauf</translation>
    </message>
    <message>
        <source>Analyse &amp;Selected</source>
        <translation>Au&amp;swahl analysieren</translation>
    </message>
    <message>
        <source>Predict mood and genre of the selected tracks first (%1)</source>
        <translation>Stimmung und Genre der ausgewählten Stücke zuerst vorhersagen (%1)</translation>
    </message>
    <message>
        <source>Analyse All &amp;Unanalysed</source>
        <translation>&amp;Alle noch nicht analysierten analysieren</translation>
    </message>
    <message>
        <source>Queue every track the model has not analysed yet (%1)</source>
        <translation>Alle Stücke, die das Modell noch nicht analysiert hat, in die Warteschlange stellen (%1)</translation>
    </message>
    <message>
        <source>&amp;Pause Analysis</source>
        <translation>Analyse &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Analysis</source>
        <translation>Analyse a&amp;bbrechen</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model found&lt;/b&gt; at %1. Analysis is disabled: train one with &lt;tt&gt;spectag train&lt;/tt&gt;, or put a model file (.stm) there.</source>
        <translation>&lt;b&gt;Kein Modell gefunden&lt;/b&gt; unter %1. Die Analyse ist deaktiviert: Trainieren Sie eines mit &lt;tt&gt;spectag train&lt;/tt&gt; oder legen Sie dort eine Modelldatei (.stm) ab.</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Modell %1 wird geladen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded&lt;/b&gt;: %1. Analysis is disabled.</source>
        <translation>&lt;b&gt;Das Modell konnte nicht geladen werden&lt;/b&gt;: %1. Die Analyse ist deaktiviert.</translation>
    </message>
    <message>
        <source>The catalog refused the model: %1</source>
        <translation>Der Katalog hat das Modell abgelehnt: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model&lt;/b&gt; %1 — %2, version %3; heads: %4</source>
        <translation>&lt;b&gt;Modell&lt;/b&gt; %1 — %2, Version %3; Ausgaben: %4</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>GPU (%1)</source>
        <translation>GPU (%1)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n track(s) waiting</source>
        <translation>
            <numerusform>Pausiert: %n Stück wartet</numerusform>
            <numerusform>Pausiert: %n Stücke warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n track(s)…</source>
        <translation>
            <numerusform>%n Stück in der Warteschlange…</numerusform>
            <numerusform>%n Stücke in der Warteschlange…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume Analysis</source>
        <translation>Analyse &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Paused: %1 of %2 done</source>
        <translation>Pausiert: %1 von %2 fertig</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 analysed, %n not analysed</source>
        <translation>
            <numerusform>Abgebrochen: %1 analysiert, %n nicht analysiert</numerusform>
            <numerusform>Abgebrochen: %1 analysiert, %n nicht analysiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 tracks</source>
        <translation>%1 von %2 Stücken</translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n fehlgeschlagen</numerusform>
            <numerusform>, %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source> — about %1 left</source>
        <translation> — noch etwa %1</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (pausiert)</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n track(s)</source>
        <translation>
            <numerusform>Fertig: %n Stück</numerusform>
            <numerusform>Fertig: %n Stücke</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 already in the catalog</source>
        <translation>, %1 bereits im Katalog</translation>
    </message>
    <message>
        <source>, %1 could not be analysed</source>
        <translation>, %1 nicht analysierbar</translation>
    </message>
</context>
<context>
    <name>spectag::ui::MainWindow</name>
    <message>
        <source>Spectag</source>
        <translation>Spectag</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Could not open the catalog: %1</source>
        <translation>Der Katalog konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Adding %1: %2 of %3 files</source>
        <translation>%1 wird hinzugefügt: %2 von %3 Dateien</translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) from %1</source>
        <translation>
            <numerusform>%n Stück aus %1 hinzugefügt</numerusform>
            <numerusform>%n Stücke aus %1 hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) from %1; %2 file(s) could not be read</source>
        <translation>
            <numerusform>%n Stück aus %1 hinzugefügt; %2 Datei(en) nicht lesbar</numerusform>
            <numerusform>%n Stücke aus %1 hinzugefügt; %2 Datei(en) nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Search (Ctrl+F): words, mood:calm genre:jazz conf&gt;0.7 artist:… duration&lt;3:00 -genre:rock</source>
        <translation>Suche (Strg+F): Wörter, mood:calm genre:jazz conf&gt;0.7 artist:… duration&lt;3:00 -genre:rock</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Select a folder to show only its tracks; drop folders on the window to add them</source>
        <translation>Ordner auswählen, um nur seine Stücke zu zeigen; Ordner auf das Fenster ziehen, um sie hinzuzufügen</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>&amp;Abspielen/Pause</translation>
    </message>
    <message>
        <source>Seek &amp;Back 5 s</source>
        <translation>5 s &amp;zurück</translation>
    </message>
    <message>
        <source>Seek &amp;Forward 5 s</source>
        <translation>5 s &amp;vor</translation>
    </message>
    <message>
        <source>To &amp;Start</source>
        <translation>Zum A&amp;nfang</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>&amp;Write Tags…</source>
        <translation>Tags &amp;schreiben…</translation>
    </message>
    <message>
        <source>Write the predicted genre and mood of the selected tracks into their files</source>
        <translation>Vorhergesagtes Genre und vorhergesagte Stimmung der ausgewählten Stücke in ihre Dateien schreiben</translation>
    </message>
    <message>
        <source>&amp;Undo Last Tag Write</source>
        <translation>Letztes Tag-Schreiben &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Nothing undone: %1</source>
        <translation>Nichts rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation>Bibliothek &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Whole Track</source>
        <translation>Ganzes &amp;Stück</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Spectag</source>
        <translation>Über &amp;Spectag</translation>
    </message>
    <message>
        <source>Not a folder: %1</source>
        <translation>Kein Ordner: %1</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>%1 wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Add Music Folder</source>
        <translation>Musikordner hinzufügen</translation>
    </message>
    <message>
        <source>“%1” has not been analysed with the active model yet (%2 analyses the selection).</source>
        <translation>„%1“ wurde mit dem aktiven Modell noch nicht analysiert (%2 analysiert die Auswahl).</translation>
    </message>
    <message>
        <source>“%1” has not been analysed with the active model yet.</source>
        <translation>„%1“ wurde mit dem aktiven Modell noch nicht analysiert.</translation>
    </message>
    <message>
        <source>Select tracks analysed with the loaded model to write their tags</source>
        <translation>Wählen Sie mit dem geladenen Modell analysierte Stücke aus, um ihre Tags zu schreiben</translation>
    </message>
    <message numerus="yes">
        <source>Tags written to %n file(s)</source>
        <translation>
            <numerusform>Tags in %n Datei geschrieben</numerusform>
            <numerusform>Tags in %n Dateien geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) failed</source>
        <translation>
            <numerusform>; %n Datei fehlgeschlagen</numerusform>
            <numerusform>; %n Dateien fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing the last tag write…</source>
        <translation>Letztes Tag-Schreiben wird rückgängig gemacht…</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stücke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n track(s)</source>
        <translation>
            <numerusform>%1 von %n Stück</numerusform>
            <numerusform>%1 von %n Stücken</numerusform>
        </translation>
    </message>
    <message>
        <source>About Spectag</source>
        <translation>Über Spectag</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectag %1&lt;/b&gt;&lt;p&gt;Tags your music library with mood and genre predicted on your own computer from mel spectrograms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Spectag %1&lt;/b&gt;&lt;p&gt;Versieht Ihre Musikbibliothek mit Stimmung und Genre, die auf Ihrem eigenen Computer aus Mel-Spektrogrammen vorhergesagt werden.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>spectag::ui::PredictionsPanel</name>
    <message>
        <source>No predictions for this track yet.</source>
        <translation>Für dieses Stück gibt es noch keine Vorhersagen.</translation>
    </message>
</context>
<context>
    <name>spectag::ui::SegmentTimeline</name>
    <message>
        <source>No segment predictions: analyse the track to see its mood and genre over time.</source>
        <translation>Keine Abschnittsvorhersagen: Analysieren Sie das Stück, um Stimmung und Genre im Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>%1: %2 (%3 %)
%4 s – %5 s, click to play</source>
        <translation>%1: %2 (%3 %)
%4 s – %5 s, zum Abspielen klicken</translation>
    </message>
</context>
<context>
    <name>spectag::ui::SpectrogramView</name>
    <message>
        <source>Hz</source>
        <translation>Hz</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>Kein Stück</translation>
    </message>
    <message>
        <source>Hz (log)</source>
        <translation>Hz (log.)</translation>
    </message>
    <message>
        <source>Hz (mel)</source>
        <translation>Hz (Mel)</translation>
    </message>
</context>
<context>
    <name>spectag::ui::TagWriteDialog</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Mood scores</source>
        <translation>Stimmungswerte</translation>
    </message>
    <message>
        <source>Genre scores</source>
        <translation>Genrewerte</translation>
    </message>
    <message>
        <source>%1 written, %2 unchanged, %3 failed</source>
        <translation>%1 geschrieben, %2 unverändert, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>Write Tags</source>
        <translation>Tags schreiben</translation>
    </message>
    <message>
        <source>A genre or mood is written only when the model is at least this confident</source>
        <translation>Genre oder Stimmung werden nur geschrieben, wenn sich das Modell mindestens so sicher ist</translation>
    </message>
    <message>
        <source>Everyday words (happy, angry, sad, relaxed)</source>
        <translation>Alltagswörter (happy, angry, sad, relaxed)</translation>
    </message>
    <message>
        <source>GEMS emotions</source>
        <translation>GEMS-Emotionen</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beides</translation>
    </message>
    <message>
        <source>Minimum &amp;confidence:</source>
        <translation>&amp;Mindestsicherheit:</translation>
    </message>
    <message>
        <source>Mood &amp;words:</source>
        <translation>Stimmungs&amp;wörter:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message numerus="yes">
        <source>Reading the tags of %n file(s)…</source>
        <translation>
            <numerusform>Tags von %n Datei werden gelesen…</numerusform>
            <numerusform>Tags von %n Dateien werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will change</source>
        <translation>
            <numerusform>%n Datei wird geändert</numerusform>
            <numerusform>%n Dateien werden geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) cannot be written</source>
        <translation>
            <numerusform>; %n Datei kann nicht geschrieben werden</numerusform>
            <numerusform>; %n Dateien können nicht geschrieben werden</numerusform>
        </translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Nothing above the minimum confidence: left as it is</source>
        <translation>Nichts über der Mindestsicherheit: bleibt unverändert</translation>
    </message>
    <message>
        <source>Writing tags…</source>
        <translation>Tags werden geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>Write Tags (%n file(s))</source>
        <translation>
            <numerusform>Tags schreiben (%n Datei)</numerusform>
            <numerusform>Tags schreiben (%n Dateien)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>spectag::ui::TrackView</name>
    <message>
        <source>Decoding…</source>
        <translation>Wird dekodiert…</translation>
    </message>
    <message>
        <source>Play/Pause (Space)</source>
        <translation>Abspielen/Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Whole track (0)</source>
        <translation>Ganzes Stück (0)</translation>
    </message>
    <message>
        <source>Follow the playhead</source>
        <translation>Der Abspielposition folgen</translation>
    </message>
    <message>
        <source>Spectrogram colours</source>
        <translation>Spektrogrammfarben</translation>
    </message>
    <message>
        <source>Thermal</source>
        <translation>Thermisch</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <source>Ion</source>
        <translation>Ion</translation>
    </message>
    <message>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>Candy</source>
        <translation>Bonbon</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Polar</source>
        <translation>Polar</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>Frequency axis</source>
        <translation>Frequenzachse</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log.</translation>
    </message>
    <message>
        <source>Mel</source>
        <translation>Mel</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Dynamic range of the spectrogram colours</source>
        <translation>Dynamikumfang der Spektrogrammfarben</translation>
    </message>
</context>
<context>
    <name>spectag::ui::WaveformView</name>
    <message>
        <source>Whole track: click to seek</source>
        <translation>Ganzes Stück: zum Springen klicken</translation>
    </message>
    <message>
        <source>Click or drag to seek, wheel to zoom</source>
        <translation>Klicken oder ziehen zum Springen, Mausrad zum Zoomen</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>Kein Stück</translation>
    </message>
</context>
</TS>
