<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>spectag::FineTuneJob</name>
    <message>
        <source>Reading annotations</source>
        <translation>Annotationen werden gelesen</translation>
    </message>
    <message>
        <source>There are no human annotations that fit the model&apos;s labels yet.</source>
        <translation>Es gibt noch keine menschlichen Annotationen, die zu den Labels des Modells passen.</translation>
    </message>
    <message>
        <source>Too few annotations to train on.</source>
        <translation>Zu wenige Annotationen zum Trainieren.</translation>
    </message>
    <message>
        <source>Computing spectrograms</source>
        <translation>Spektrogramme werden berechnet</translation>
    </message>
    <message>
        <source>Could not compute the spectrograms.</source>
        <translation>Die Spektrogramme konnten nicht berechnet werden.</translation>
    </message>
    <message>
        <source>Measuring the base model</source>
        <translation>Basismodell wird bewertet</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Wird nachtrainiert</translation>
    </message>
    <message>
        <source>Measuring the new model</source>
        <translation>Neues Modell wird bewertet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>No fine-tuned model to activate.</source>
        <translation>Kein nachtrainiertes Modell zum Aktivieren.</translation>
    </message>
</context>
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
    <name>spectag::PlaylistIO</name>
    <message>
        <source>There is no playlist %1</source>
        <translation>Es gibt keine Wiedergabeliste %1</translation>
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
    <name>spectag::ReviewQueueModel</name>
    <message>
        <source>Track</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Unsicherheit</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>margin of the top two</source>
        <translation>Abstand der beiden besten</translation>
    </message>
    <message>
        <source>distance from 0/1</source>
        <translation>Abstand zu 0/1</translation>
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
    <message>
        <source>Model: %1 — %2, version %3; heads: %4</source>
        <translation>Modell: %1 — %2, Version %3; Ausgaben: %4</translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnnotationController</name>
    <message>
        <source>Annotation mode off</source>
        <translation>Annotationsmodus aus</translation>
    </message>
    <message>
        <source>Analysed tracks nobody has annotated yet, the ones the model is least sure about first; double-click or Enter opens one</source>
        <translation>Analysierte Stücke, die noch niemand annotiert hat, die unsichersten des Modells zuerst; Doppelklick oder Eingabetaste öffnet eines</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>Prüfwarteschlange</translation>
    </message>
    <message>
        <source>A&amp;nnotate</source>
        <translation>Ann&amp;otieren</translation>
    </message>
    <message>
        <source>&amp;Accept Predictions</source>
        <translation>&amp;Vorhersagen übernehmen</translation>
    </message>
    <message>
        <source>Confirm the model&apos;s labels for the current track as human labels</source>
        <translation>Die Labels des Modells für das aktuelle Stück als menschliche Labels bestätigen</translation>
    </message>
    <message>
        <source>Annotator &amp;Name…</source>
        <translation>&amp;Name für Annotationen…</translation>
    </message>
    <message>
        <source>&amp;Export Annotations as Training Manifest…</source>
        <translation>Annotationen als Trainingsmanifest &amp;exportieren…</translation>
    </message>
    <message>
        <source>Annotator Name</source>
        <translation>Name für Annotationen</translation>
    </message>
    <message>
        <source>Your annotations are recorded under this name:</source>
        <translation>Ihre Annotationen werden unter diesem Namen gespeichert:</translation>
    </message>
    <message>
        <source>Could not save the annotation: %1</source>
        <translation>Die Annotation konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>nicht %1</translation>
    </message>
    <message>
        <source>No labels: no model is active</source>
        <translation>Keine Labels: kein Modell aktiv</translation>
    </message>
    <message>
        <source>%1, %2 s – %3 s</source>
        <translation>%1, %2 s – %3 s</translation>
    </message>
    <message>
        <source>No predictions to annotate for this track</source>
        <translation>Keine Vorhersagen zum Annotieren für dieses Stück</translation>
    </message>
    <message numerus="yes">
        <source>Key %1 has no mood (the mood head has %n label(s))</source>
        <translation>
            <numerusform>Taste %1 hat keine Stimmung (die Stimmungsausgabe hat %n Label)</numerusform>
            <numerusform>Taste %1 hat keine Stimmung (die Stimmungsausgabe hat %n Labels)</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no human annotations to export yet.</source>
        <translation>Es gibt noch keine menschlichen Annotationen zum Exportieren.</translation>
    </message>
    <message>
        <source>No annotation could be exported: %1</source>
        <translation>Keine Annotation konnte exportiert werden: %1</translation>
    </message>
    <message>
        <source>Export Annotations as Training Manifest</source>
        <translation>Annotationen als Trainingsmanifest exportieren</translation>
    </message>
    <message>
        <source>JSON Lines manifests (*.jsonl)</source>
        <translation>JSON-Lines-Manifeste (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Annotations</source>
        <translation>Annotationen exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotated item(s) to %1; %2 annotation(s) left out</source>
        <translation>
            <numerusform>%n annotiertes Element nach %1 exportiert; %2 Annotation(en) ausgelassen</numerusform>
            <numerusform>%n annotierte Elemente nach %1 exportiert; %2 Annotation(en) ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotated item(s) to %1</source>
        <translation>
            <numerusform>%n annotiertes Element nach %1 exportiert</numerusform>
            <numerusform>%n annotierte Elemente nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotation mode: 1–9 toggle the moods, J/K next/previous track, Space plays the current segment, Esc leaves</source>
        <translation>Annotationsmodus: 1–9 schalten die Stimmungen um, J/K nächstes/vorheriges Stück, Leertaste spielt den aktuellen Abschnitt, Esc beendet</translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnnotationMode</name>
    <message>
        <source>Annotation &amp;Mode</source>
        <translation>Annotations&amp;modus</translation>
    </message>
    <message>
        <source>Annotate with the keyboard: 1–9 toggle the moods, J/K next/previous track, Space plays the current segment, Esc leaves</source>
        <translation>Mit der Tastatur annotieren: 1–9 schalten die Stimmungen um, J/K nächstes/vorheriges Stück, Leertaste spielt den aktuellen Abschnitt, Esc beendet</translation>
    </message>
</context>
<context>
    <name>spectag::ui::FineTuneDialog</name>
    <message>
        <source>Fine-Tune Model</source>
        <translation>Modell nachtrainieren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Base Model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>Spectag models (*.stm)</source>
        <translation>Spectag-Modelle (*.stm)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Annotated tracks</source>
        <translation>Annotierte Stücke</translation>
    </message>
    <message>
        <source>Annotations kept aside to compare the base and the new model (grouped by artist or track).</source>
        <translation>Zurückgehaltene Annotationen, um Basismodell und neues Modell zu vergleichen (nach Interpret oder Stück gruppiert).</translation>
    </message>
    <message>
        <source>Train the output layers only (freeze the backbone)</source>
        <translation>Nur die Ausgabeschichten trainieren (Backbone einfrieren)</translation>
    </message>
    <message>
        <source>Recommended with fewer than a few hundred annotations: fast, and the model keeps what it learnt.</source>
        <translation>Empfohlen bei weniger als einigen hundert Annotationen: schnell, und das Modell behält, was es gelernt hat.</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Basismodell:</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>Annotationen:</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>Zurückgehalten:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation>Lernkurven</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>Nachtrainiert</translation>
    </message>
    <message>
        <source>Held-out metrics</source>
        <translation>Metriken auf zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>Training a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Save and &amp;Activate</source>
        <translation>Speichern und &amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Epoch %1 of %2, batch %3 of %4, loss %5</source>
        <translation>Epoche %1 von %2, Batch %3 von %4, Verlust %5</translation>
    </message>
    <message>
        <source>Cannot read the base model: %1</source>
        <translation>Das Basismodell kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No annotations yet: correct some labels in the Predictions panel first.</source>
        <translation>Noch keine Annotationen: Korrigieren Sie zuerst einige Labels im Bereich „Vorhersagen“.</translation>
    </message>
    <message numerus="yes">
        <source>%n annotated track(s) or segment(s) fit the model&apos;s labels.</source>
        <translation>
            <numerusform>%n annotiertes Stück oder annotierter Abschnitt passt zu den Labels des Modells.</numerusform>
            <numerusform>%n annotierte Stücke oder Abschnitte passen zu den Labels des Modells.</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation accuracy (%1)</source>
        <translation>Validierungsgenauigkeit (%1)</translation>
    </message>
    <message>
        <source>Trained on %1 item(s); %2 held out. Save and Activate to use the new model (%3).</source>
        <translation>Mit %1 Element(en) trainiert; %2 zurückgehalten. „Speichern und aktivieren“ verwendet das neue Modell (%3).</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>Abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Fine-tuning failed: %1</source>
        <translation>Nachtrainieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: rows are the annotators&apos; labels, columns the fine-tuned model&apos;s.</source>
        <translation>%1: Zeilen sind die Labels der Annotierenden, Spalten die des nachtrainierten Modells.</translation>
    </message>
    <message>
        <source>Could not activate the new model: %1</source>
        <translation>Das neue Modell konnte nicht aktiviert werden: %1</translation>
    </message>
    <message>
        <source>The new model %1 is active.</source>
        <translation>Das neue Modell %1 ist aktiv.</translation>
    </message>
    <message>
        <source>The fine-tuned model was discarded.</source>
        <translation>Das nachtrainierte Modell wurde verworfen.</translation>
    </message>
</context>
<context>
    <name>spectag::ui::LibraryCharts</name>
    <message>
        <source>No model yet: analyse some tracks to see the charts.</source>
        <translation>Noch kein Modell: Analysieren Sie einige Stücke, um die Diagramme zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Model %1: %n analysed track(s)</source>
        <translation>
            <numerusform>Modell %1: %n analysiertes Stück</numerusform>
            <numerusform>Modell %1: %n analysierte Stücke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) annotated by people</source>
        <translation>
            <numerusform>%n Stück von Menschen annotiert</numerusform>
            <numerusform>%n Stücke von Menschen annotiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>%1: top label per track (of several that may apply)</source>
        <translation>%1: wahrscheinlichstes Label je Stück (von mehreren, die zutreffen können)</translation>
    </message>
    <message>
        <source>%1: top label per track</source>
        <translation>%1: wahrscheinlichstes Label je Stück</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Menschen</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Stücke</translation>
    </message>
    <message>
        <source>Agreement with people (%)</source>
        <translation>Übereinstimmung mit Menschen (%)</translation>
    </message>
    <message>
        <source>%1: %2 (n=%3)</source>
        <translation>%1: %2 (n=%3)</translation>
    </message>
    <message>
        <source>No analysed track has been annotated by people yet</source>
        <translation>Noch kein analysiertes Stück wurde von Menschen annotiert</translation>
    </message>
    <message>
        <source>How often the model&apos;s decision matches people&apos;s</source>
        <translation>Wie oft die Entscheidung des Modells mit der von Menschen übereinstimmt</translation>
    </message>
</context>
<context>
    <name>spectag::ui::LibraryMap</name>
    <message>
        <source>Component 1</source>
        <translation>Komponente 1</translation>
    </message>
    <message>
        <source>Component 2</source>
        <translation>Komponente 2</translation>
    </message>
    <message>
        <source>No model yet: analyse some tracks to see the map.</source>
        <translation>Noch kein Modell: Analysieren Sie einige Stücke, um die Karte zu sehen.</translation>
    </message>
    <message>
        <source>No track has been analysed with the active model yet.</source>
        <translation>Noch kein Stück wurde mit dem aktiven Modell analysiert.</translation>
    </message>
    <message>
        <source>The analysed tracks have no embeddings to place.</source>
        <translation>Die analysierten Stücke haben keine Einbettungen, die platziert werden könnten.</translation>
    </message>
    <message>
        <source>Could not place the tracks: %1</source>
        <translation>Die Stücke konnten nicht platziert werden: %1</translation>
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
    <message>
        <source>Analysing with the fine-tuned model %1</source>
        <translation>Analyse mit dem nachtrainierten Modell %1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Model on Annotations…</source>
        <translation>Modell mit Annotationen &amp;nachtrainieren…</translation>
    </message>
    <message>
        <source>Library Map</source>
        <translation>Bibliothekskarte</translation>
    </message>
    <message>
        <source>Library Charts</source>
        <translation>Bibliotheksdiagramme</translation>
    </message>
    <message>
        <source>Playlist “%1” created</source>
        <translation>Wiedergabeliste „%1“ erstellt</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Wiedergabelisten</translation>
    </message>
    <message>
        <source>Mood Map</source>
        <translation>Stimmungskarte</translation>
    </message>
    <message>
        <source>&amp;Mood Map</source>
        <translation>Sti&amp;mmungskarte</translation>
    </message>
    <message>
        <source>Select a folder to show only its tracks, click below the folders to show the whole library again; drop folders on the window to add them</source>
        <translation>Ordner auswählen, um nur seine Stücke zu zeigen, unter die Ordner klicken, um wieder die ganze Bibliothek zu zeigen; Ordner auf das Fenster ziehen, um sie hinzuzufügen</translation>
    </message>
</context>
<context>
    <name>spectag::ui::MoodMap</name>
    <message>
        <source>New Mood &amp;Trajectory Playlist…</source>
        <translation>Neue &amp;Stimmungsverlauf-Wiedergabeliste…</translation>
    </message>
    <message>
        <source>A playlist that moves from one mood to another</source>
        <translation>Eine Wiedergabeliste, die von einer Stimmung zu einer anderen führt</translation>
    </message>
    <message>
        <source>Valence (unpleasant → pleasant)</source>
        <translation>Valenz (unangenehm → angenehm)</translation>
    </message>
    <message>
        <source>Arousal (calm → energetic)</source>
        <translation>Erregung (ruhig → energisch)</translation>
    </message>
    <message>
        <source>happy · energetic</source>
        <translation>fröhlich · energisch</translation>
    </message>
    <message>
        <source>angry · tense</source>
        <translation>wütend · angespannt</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>traurig</translation>
    </message>
    <message>
        <source>calm · relaxed</source>
        <translation>ruhig · entspannt</translation>
    </message>
    <message>
        <source>No model yet: analyse some tracks to see the map.</source>
        <translation>Noch kein Modell: Analysieren Sie einige Stücke, um die Karte zu sehen.</translation>
    </message>
    <message>
        <source>No track has been analysed with the active model yet.</source>
        <translation>Noch kein Stück wurde mit dem aktiven Modell analysiert.</translation>
    </message>
    <message>
        <source>The active model has no valence/arousal quadrant head, so it places no track in this plane.</source>
        <translation>Das aktive Modell hat keinen Valenz/Erregungs-Quadranten-Kopf und ordnet daher kein Stück in diese Ebene ein.</translation>
    </message>
    <message>
        <source>Valence %1, arousal %2</source>
        <translation>Valenz %1, Erregung %2</translation>
    </message>
    <message>
        <source>New Mood Trajectory Playlist from Here…</source>
        <translation>Neue Stimmungsverlauf-Wiedergabeliste von hier aus…</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
</context>
<context>
    <name>spectag::ui::PlaylistPanel</name>
    <message>
        <source>Drop tracks on a playlist to add them; drag a playlist out as an .m3u8 file</source>
        <translation>Stücke auf eine Wiedergabeliste ziehen, um sie hinzuzufügen; eine Wiedergabeliste herausziehen, um sie als .m3u8-Datei abzulegen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;New Playlist…</source>
        <translation>&amp;Neue Wiedergabeliste…</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Neue Wiedergabeliste</translation>
    </message>
    <message>
        <source>New &amp;Mood Playlist…</source>
        <translation>Neue &amp;Stimmungs-Wiedergabeliste…</translation>
    </message>
    <message>
        <source>New playlist for one mood: tracks dropped into it are marked with that mood</source>
        <translation>Neue Wiedergabeliste für eine Stimmung: hineingezogene Stücke werden mit dieser Stimmung markiert</translation>
    </message>
    <message>
        <source>New &amp;Smart Playlist…</source>
        <translation>Neue intelli&amp;gente Wiedergabeliste…</translation>
    </message>
    <message>
        <source>New playlist of the library tracks that match a search, kept up to date</source>
        <translation>Neue Wiedergabeliste aus den Stücken der Bibliothek, die zu einer Suche passen, stets aktuell gehalten</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Edit Smart &amp;Query…</source>
        <translation>Such&amp;abfrage bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete Playlist</source>
        <translation>Wiedergabeliste &amp;löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export Playlist as &amp;M3U8…</source>
        <translation>Wiedergabeliste als &amp;M3U8 exportieren…</translation>
    </message>
    <message>
        <source>Export Playlist as &amp;XSPF…</source>
        <translation>Wiedergabeliste als &amp;XSPF exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import Playlist…</source>
        <translation>Wiedergabeliste &amp;importieren…</translation>
    </message>
    <message>
        <source>Remove from Playlist</source>
        <translation>Aus Wiedergabeliste entfernen</translation>
    </message>
    <message>
        <source>Smart playlist: the library tracks matching “%1”</source>
        <translation>Intelligente Wiedergabeliste: die Stücke der Bibliothek, die zu „%1“ passen</translation>
    </message>
    <message>
        <source>Mood playlist: tracks dropped here are marked “%1”</source>
        <translation>Stimmungs-Wiedergabeliste: hier abgelegte Stücke werden als „%1“ markiert</translation>
    </message>
    <message>
        <source>Could not create the playlist: %1</source>
        <translation>Die Wiedergabeliste konnte nicht erstellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n track(s) as “%1”</source>
        <translation>
            <numerusform>%n Stück als „%1“ markiert</numerusform>
            <numerusform>%n Stücke als „%1“ markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not record the mood: %1</source>
        <translation>Die Stimmung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>added %n new file(s) to the library</source>
        <translation>
            <numerusform>%n neue Datei zur Bibliothek hinzugefügt</numerusform>
            <numerusform>%n neue Dateien zur Bibliothek hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ignored %n item(s) that are not audio files</source>
        <translation>
            <numerusform>%n Element ignoriert, das keine Audiodatei ist</numerusform>
            <numerusform>%n Elemente ignoriert, die keine Audiodateien sind</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop: %1</source>
        <translation>Ablegen: %1</translation>
    </message>
    <message>
        <source>Exported the playlist to %1</source>
        <translation>Wiedergabeliste nach %1 exportiert</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n of %1 track(s)</source>
        <translation>
            <numerusform>%n von %1 Stück(en) importiert</numerusform>
            <numerusform>%n von %1 Stücken importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>New Playlist</source>
        <translation>Neue Wiedergabeliste</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>New Mood Playlist</source>
        <translation>Neue Stimmungs-Wiedergabeliste</translation>
    </message>
    <message>
        <source>Tracks dropped into it are marked with this mood:</source>
        <translation>Hineingezogene Stücke werden mit dieser Stimmung markiert:</translation>
    </message>
    <message>
        <source>New Smart Playlist</source>
        <translation>Neue intelligente Wiedergabeliste</translation>
    </message>
    <message>
        <source>Library search (e.g. mood:calm conf&gt;0.6 -genre:rock):</source>
        <translation>Bibliothekssuche (z. B. mood:calm conf&gt;0.6 -genre:rock):</translation>
    </message>
    <message>
        <source>Smart Playlist</source>
        <translation>Intelligente Wiedergabeliste</translation>
    </message>
    <message>
        <source>Library search:</source>
        <translation>Bibliothekssuche:</translation>
    </message>
    <message>
        <source>Delete Playlist</source>
        <translation>Wiedergabeliste löschen</translation>
    </message>
    <message>
        <source>Delete the playlist “%1”? Its tracks stay in the library.</source>
        <translation>Die Wiedergabeliste „%1“ löschen? Ihre Stücke bleiben in der Bibliothek.</translation>
    </message>
    <message>
        <source>XSPF playlists (*.xspf)</source>
        <translation>XSPF-Wiedergabelisten (*.xspf)</translation>
    </message>
    <message>
        <source>M3U8 playlists (*.m3u8)</source>
        <translation>M3U8-Wiedergabelisten (*.m3u8)</translation>
    </message>
    <message>
        <source>Export Playlist</source>
        <translation>Wiedergabeliste exportieren</translation>
    </message>
    <message>
        <source>Import Playlist</source>
        <translation>Wiedergabeliste importieren</translation>
    </message>
    <message>
        <source>Playlists (*.m3u8 *.m3u *.xspf)</source>
        <translation>Wiedergabelisten (*.m3u8 *.m3u *.xspf)</translation>
    </message>
</context>
<context>
    <name>spectag::ui::PredictionsPanel</name>
    <message>
        <source>No predictions for this track yet.</source>
        <translation>Für dieses Stück gibt es noch keine Vorhersagen.</translation>
    </message>
    <message>
        <source>%1: the model says %2 % (threshold %3 %)</source>
        <translation>%1: das Modell sagt %2 % (Schwelle %3 %)</translation>
    </message>
    <message>
        <source>an annotator</source>
        <translation>einer annotierenden Person</translation>
    </message>
    <message>
        <source>Applies: marked by %1 on %2</source>
        <translation>Trifft zu: markiert von %1 am %2</translation>
    </message>
    <message>
        <source>Does not apply: marked by %1 on %2</source>
        <translation>Trifft nicht zu: markiert von %1 am %2</translation>
    </message>
    <message>
        <source>Click to choose this %1</source>
        <translation>Klicken, um dies als %1 zu wählen</translation>
    </message>
    <message>
        <source>Click to toggle</source>
        <translation>Zum Umschalten klicken</translation>
    </message>
</context>
<context>
    <name>spectag::ui::ScatterMap</name>
    <message>
        <source>Playlist from Selection</source>
        <translation>Wiedergabeliste aus Auswahl</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Colour by mood</source>
        <translation>Nach Stimmung färben</translation>
    </message>
    <message>
        <source>Colour by genre</source>
        <translation>Nach Genre färben</translation>
    </message>
    <message>
        <source>Make a playlist of the tracks selected with the lasso</source>
        <translation>Eine Wiedergabeliste aus den mit dem Lasso ausgewählten Stücken erstellen</translation>
    </message>
    <message>
        <source>Show every track</source>
        <translation>Alle Stücke zeigen</translation>
    </message>
    <message>
        <source>Drag to select tracks with a lasso (Shift adds), double-click to play, wheel to zoom</source>
        <translation>Ziehen, um Stücke mit dem Lasso auszuwählen (Umschalt fügt hinzu), Doppelklick zum Abspielen, Mausrad zum Zoomen</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stücke</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 selected</source>
        <translation>%1, %2 ausgewählt</translation>
    </message>
    <message>
        <source>Mood: %1</source>
        <translation>Stimmung: %1</translation>
    </message>
    <message>
        <source>Genre: %1</source>
        <translation>Genre: %1</translation>
    </message>
    <message>
        <source>Map selection %1</source>
        <translation>Kartenauswahl %1</translation>
    </message>
    <message>
        <source>Could not make the playlist: %1</source>
        <translation>Die Wiedergabeliste konnte nicht erstellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Playlist “%1”: %n track(s)</source>
        <translation>
            <numerusform>Wiedergabeliste „%1“: %n Stück</numerusform>
            <numerusform>Wiedergabeliste „%1“: %n Stücke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Name of the new playlist (%n track(s)):</source>
        <translation>
            <numerusform>Name der neuen Wiedergabeliste (%n Stück):</numerusform>
            <numerusform>Name der neuen Wiedergabeliste (%n Stücke):</numerusform>
        </translation>
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
    <name>spectag::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add Music Folder</source>
        <translation>Musikordner hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothek</translation>
    </message>
    <message>
        <source>The catalog&apos;s active model, else the shipped one</source>
        <translation>Das aktive Modell des Katalogs, sonst das mitgelieferte</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Spectag models (*.stm)</source>
        <translation>Spectag-Modelle (*.stm)</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls verfügbar)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Decoding &amp;threads:</source>
        <translation>Threads zum &amp;Dekodieren:</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
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
        <source>Also write the scores (namespaced fields)</source>
        <translation>Auch die Werte schreiben (Felder mit eigenem Namensraum)</translation>
    </message>
    <message>
        <source>Keep the file&apos;s version</source>
        <translation>Version der Datei beibehalten</translation>
    </message>
    <message>
        <source>ID3v2.3 (older players)</source>
        <translation>ID3v2.3 (ältere Player)</translation>
    </message>
    <message>
        <source>ID3v2.4</source>
        <translation>ID3v2.4</translation>
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
        <source>MP3 &amp;tag version:</source>
        <translation>MP3-Tag-&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Dropping a track into a mood playlist labels the track with that mood</source>
        <translation>Ein Stück, das in eine Stimmungs-Wiedergabeliste gezogen wird, erhält diese Stimmung als Label</translation>
    </message>
    <message>
        <source>Annotator &amp;name:</source>
        <translation>&amp;Name für Annotationen:</translation>
    </message>
    <message>
        <source>A&amp;nnotation</source>
        <translation>Ann&amp;otation</translation>
    </message>
    <message>
        <source>This folder does not exist (any more)</source>
        <translation>Dieser Ordner existiert nicht (mehr)</translation>
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
    <message>
        <source>Writing %1 (%2 of %3)…</source>
        <translation>%1 wird geschrieben (%2 von %3)…</translation>
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
    <name>spectag::ui::TrajectoryDialog</name>
    <message>
        <source>New Mood Trajectory Playlist</source>
        <translation>Neue Stimmungsverlauf-Wiedergabeliste</translation>
    </message>
    <message>
        <source>Create Playlist</source>
        <translation>Wiedergabeliste erstellen</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <source>&amp;Tracks:</source>
        <translation>&amp;Stücke:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>The tracks nearest to evenly spaced points on the straight path between the two moods (valence and arousal from −1 to 1), each used once, in path order.</source>
        <translation>Die Stücke, die gleichmäßig verteilten Punkten auf der geraden Strecke zwischen den beiden Stimmungen am nächsten liegen (Valenz und Erregung von −1 bis 1), jedes nur einmal, in der Reihenfolge der Strecke.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>happy · energetic</source>
        <translation>fröhlich · energisch</translation>
    </message>
    <message>
        <source>angry · tense</source>
        <translation>wütend · angespannt</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>traurig</translation>
    </message>
    <message>
        <source>calm · relaxed</source>
        <translation>ruhig · entspannt</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>a point</source>
        <translation>ein Punkt</translation>
    </message>
    <message>
        <source>Valence: unpleasant (−1) to pleasant (1)</source>
        <translation>Valenz: unangenehm (−1) bis angenehm (1)</translation>
    </message>
    <message>
        <source>Arousal: calm (−1) to energetic (1)</source>
        <translation>Erregung: ruhig (−1) bis energisch (1)</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Von %1 nach %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Valence %1, arousal %2</source>
        <translation>Valenz %1, Erregung %2</translation>
    </message>
    <message numerus="yes">
        <source>Only %n track(s) in the mood plane: all of them, in path order.</source>
        <translation>
            <numerusform>Nur %n Stück in der Stimmungsebene: alle, in der Reihenfolge der Strecke.</numerusform>
            <numerusform>Nur %n Stücke in der Stimmungsebene: alle, in der Reihenfolge der Strecke.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) chosen from %1 in the mood plane.</source>
        <translation>
            <numerusform>%n Stück aus %1 in der Stimmungsebene gewählt.</numerusform>
            <numerusform>%n Stücke aus %1 in der Stimmungsebene gewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not make the playlist: %1</source>
        <translation>Die Wiedergabeliste konnte nicht erstellt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Playlist “%1”: %n track(s)</source>
        <translation>
            <numerusform>Wiedergabeliste „%1“: %n Stück</numerusform>
            <numerusform>Wiedergabeliste „%1“: %n Stücke</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::WaveformView</name>
    <message>
        <source>Whole track: click to seek</source>
        <translation>Ganzes Stück: zum Springen klicken</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>Kein Stück</translation>
    </message>
    <message>
        <source>Click or drag to seek, wheel to zoom; Shift+drag selects a region to label (right-click it)</source>
        <translation>Klicken oder ziehen zum Springen, Mausrad zum Zoomen; Umschalt+Ziehen wählt einen Bereich zum Annotieren (Rechtsklick darauf)</translation>
    </message>
</context>
</TS>
