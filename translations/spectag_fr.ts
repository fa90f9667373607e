<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>spectag::FineTuneJob</name>
    <message>
        <source>Reading annotations</source>
        <translation>Lecture des annotations</translation>
    </message>
    <message>
        <source>There are no human annotations that fit the model&apos;s labels yet.</source>
        <translation>Il n’y a pas encore d’annotations humaines correspondant aux labels du modèle.</translation>
    </message>
    <message>
        <source>Too few annotations to train on.</source>
        <translation>Trop peu d’annotations pour l’entraînement.</translation>
    </message>
    <message>
        <source>Computing spectrograms</source>
        <translation>Calcul des spectrogrammes</translation>
    </message>
    <message>
        <source>Could not compute the spectrograms.</source>
        <translation>Impossible de calculer les spectrogrammes.</translation>
    </message>
    <message>
        <source>Measuring the base model</source>
        <translation>Évaluation du modèle de base</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Affinage</translation>
    </message>
    <message>
        <source>Measuring the new model</source>
        <translation>Évaluation du nouveau modèle</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>No fine-tuned model to activate.</source>
        <translation>Aucun modèle affiné à activer.</translation>
    </message>
</context>
<context>
    <name>spectag::LibraryModel</name>
    <message>
        <source>From the file&apos;s tags</source>
        <translation>Depuis les étiquettes du fichier</translation>
    </message>
    <message>
        <source>Predicted (tag: %1)</source>
        <translation>Prédit (étiquette&#xa0;: %1)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>analysed</source>
        <translation>analysé</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>non analysé</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Artiste</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Humeur</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
</context>
<context>
    <name>spectag::PlaylistIO</name>
    <message>
        <source>There is no playlist %1</source>
        <translation>Il n’y a pas de liste de lecture %1</translation>
    </message>
</context>
<context>
    <name>spectag::PlaylistListModel</name>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ReviewQueueModel</name>
    <message>
        <source>Track</source>
        <translation>Morceau</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>Incertitude</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>margin of the top two</source>
        <translation>écart entre les deux premiers</translation>
    </message>
    <message>
        <source>distance from 0/1</source>
        <translation>distance à 0/1</translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnalysisPanel</name>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Analyse &amp;Selected</source>
        <translation>Analyser la &amp;sélection</translation>
    </message>
    <message>
        <source>Predict mood and genre of the selected tracks first (%1)</source>
        <translation>Prédire d’abord l’humeur et le genre des morceaux sélectionnés (%1)</translation>
    </message>
    <message>
        <source>Analyse All &amp;Unanalysed</source>
        <translation>Analyser &amp;tous les morceaux non analysés</translation>
    </message>
    <message>
        <source>Queue every track the model has not analysed yet (%1)</source>
        <translation>Mettre en file d’attente chaque morceau que le modèle n’a pas encore analysé (%1)</translation>
    </message>
    <message>
        <source>&amp;Pause Analysis</source>
        <translation>&amp;Mettre l’analyse en pause</translation>
    </message>
    <message>
        <source>&amp;Cancel Analysis</source>
        <translation>&amp;Annuler l’analyse</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Aucun modèle chargé.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model found&lt;/b&gt; at %1. Analysis is disabled: train one with &lt;tt&gt;spectag train&lt;/tt&gt;, or put a model file (.stm) there.</source>
        <translation>&lt;b&gt;Aucun modèle trouvé&lt;/b&gt; dans %1. L’analyse est désactivée&#xa0;: entraînez-en un avec &lt;tt&gt;spectag train&lt;/tt&gt; ou placez-y un fichier de modèle (.stm).</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Chargement du modèle %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded&lt;/b&gt;: %1. Analysis is disabled.</source>
        <translation>&lt;b&gt;Le modèle n’a pas pu être chargé&lt;/b&gt;&#xa0;: %1. L’analyse est désactivée.</translation>
    </message>
    <message>
        <source>The catalog refused the model: %1</source>
        <translation>Le catalogue a refusé le modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Calcul&#xa0;: %1</translation>
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
            <numerusform>En pause&#xa0;: %n morceau en attente</numerusform>
            <numerusform>En pause&#xa0;: %n morceaux en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n track(s)…</source>
        <translation>
            <numerusform>%n morceau en file d’attente…</numerusform>
            <numerusform>%n morceaux en file d’attente…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume Analysis</source>
        <translation>&amp;Reprendre l’analyse</translation>
    </message>
    <message>
        <source>Paused: %1 of %2 done</source>
        <translation>En pause&#xa0;: %1 sur %2 terminés</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 analysed, %n not analysed</source>
        <translation>
            <numerusform>Annulé&#xa0;: %1 analysé(s), %n non analysé</numerusform>
            <numerusform>Annulé&#xa0;: %1 analysé(s), %n non analysés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 tracks</source>
        <translation>%1 sur %2 morceaux</translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n échec</numerusform>
            <numerusform>, %n échecs</numerusform>
        </translation>
    </message>
    <message>
        <source> — about %1 left</source>
        <translation> — encore environ %1</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (en pause)</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n track(s)</source>
        <translation>
            <numerusform>Terminé&#xa0;: %n morceau</numerusform>
            <numerusform>Terminé&#xa0;: %n morceaux</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 already in the catalog</source>
        <translation>, %1 déjà dans le catalogue</translation>
    </message>
    <message>
        <source>, %1 could not be analysed</source>
        <translation>, %1 impossible(s) à analyser</translation>
    </message>
    <message>
        <source>Model: %1 — %2, version %3; heads: %4</source>
        <translation>Modèle&#xa0;: %1 — %2, version %3&#xa0;; sorties&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnnotationController</name>
    <message>
        <source>Annotation mode off</source>
        <translation>Mode annotation désactivé</translation>
    </message>
    <message>
        <source>Analysed tracks nobody has annotated yet, the ones the model is least sure about first; double-click or Enter opens one</source>
        <translation>Morceaux analysés que personne n’a encore annotés, ceux dont le modèle est le moins sûr en premier&#xa0;; double-clic ou Entrée pour en ouvrir un</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>File de révision</translation>
    </message>
    <message>
        <source>A&amp;nnotate</source>
        <translation>Ann&amp;oter</translation>
    </message>
    <message>
        <source>&amp;Accept Predictions</source>
        <translation>&amp;Accepter les prédictions</translation>
    </message>
    <message>
        <source>Confirm the model&apos;s labels for the current track as human labels</source>
        <translation>Confirmer les labels du modèle pour le morceau courant comme labels humains</translation>
    </message>
    <message>
        <source>Annotator &amp;Name…</source>
        <translation>&amp;Nom de l’annotateur…</translation>
    </message>
    <message>
        <source>&amp;Export Annotations as Training Manifest…</source>
        <translation>&amp;Exporter les annotations comme manifeste d’entraînement…</translation>
    </message>
    <message>
        <source>Annotator Name</source>
        <translation>Nom de l’annotateur</translation>
    </message>
    <message>
        <source>Your annotations are recorded under this name:</source>
        <translation>Vos annotations sont enregistrées sous ce nom&#xa0;:</translation>
    </message>
    <message>
        <source>Could not save the annotation: %1</source>
        <translation>Impossible d’enregistrer l’annotation&#xa0;: %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>pas %1</translation>
    </message>
    <message>
        <source>No labels: no model is active</source>
        <translation>Aucun label&#xa0;: aucun modèle actif</translation>
    </message>
    <message>
        <source>%1, %2 s – %3 s</source>
        <translation>%1, %2&#xa0;s – %3&#xa0;s</translation>
    </message>
    <message>
        <source>No predictions to annotate for this track</source>
        <translation>Aucune prédiction à annoter pour ce morceau</translation>
    </message>
    <message numerus="yes">
        <source>Key %1 has no mood (the mood head has %n label(s))</source>
        <translation>
            <numerusform>La touche %1 n’a pas d’humeur (la sortie humeur a %n label)</numerusform>
            <numerusform>La touche %1 n’a pas d’humeur (la sortie humeur a %n labels)</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no human annotations to export yet.</source>
        <translation>Il n’y a pas encore d’annotations humaines à exporter.</translation>
    </message>
    <message>
        <source>No annotation could be exported: %1</source>
        <translation>Aucune annotation n’a pu être exportée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export Annotations as Training Manifest</source>
        <translation>Exporter les annotations comme manifeste d’entraînement</translation>
    </message>
    <message>
        <source>JSON Lines manifests (*.jsonl)</source>
        <translation>Manifestes JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotated item(s) to %1; %2 annotation(s) left out</source>
        <translation>
            <numerusform>%n élément annoté exporté vers %1&#xa0;; %2 annotation(s) écartée(s)</numerusform>
            <numerusform>%n éléments annotés exportés vers %1&#xa0;; %2 annotation(s) écartée(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotated item(s) to %1</source>
        <translation>
            <numerusform>%n élément annoté exporté vers %1</numerusform>
            <numerusform>%n éléments annotés exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotation mode: 1–9 toggle the moods, J/K next/previous track, Space plays the current segment, Esc leaves</source>
        <translation>Mode annotation : 1–9 activent ou désactivent les humeurs, J/K morceau suivant/précédent, Espace joue le segment courant, Échap quitte</translation>
    </message>
</context>
<context>
    <name>spectag::ui::AnnotationMode</name>
    <message>
        <source>Annotation &amp;Mode</source>
        <translation>&amp;Mode annotation</translation>
    </message>
    <message>
        <source>Annotate with the keyboard: 1–9 toggle the moods, J/K next/previous track, Space plays the current segment, Esc leaves</source>
        <translation>Annoter au clavier : 1–9 activent ou désactivent les humeurs, J/K morceau suivant/précédent, Espace joue le segment courant, Échap quitte</translation>
    </message>
</context>
<context>
    <name>spectag::ui::FineTuneDialog</name>
    <message>
        <source>Fine-Tune Model</source>
        <translation>Affiner le modèle</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Base Model</source>
        <translation>Modèle de base</translation>
    </message>
    <message>
        <source>Spectag models (*.stm)</source>
        <translation>Modèles Spectag (*.stm)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Annotated tracks</source>
        <translation>Morceaux annotés</translation>
    </message>
    <message>
        <source>Annotations kept aside to compare the base and the new model (grouped by artist or track).</source>
        <translation>Annotations mises de côté pour comparer le modèle de base et le nouveau modèle (regroupées par artiste ou par morceau).</translation>
    </message>
    <message>
        <source>Train the output layers only (freeze the backbone)</source>
        <translation>N’entraîner que les couches de sortie (geler le tronc du réseau)</translation>
    </message>
    <message>
        <source>Recommended with fewer than a few hundred annotations: fast, and the model keeps what it learnt.</source>
        <translation>Recommandé avec moins de quelques centaines d’annotations&#xa0;: rapide, et le modèle conserve ce qu’il a appris.</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Modèle de base&#xa0;:</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>Annotations&#xa0;:</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>Mis de côté&#xa0;:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Époques&#xa0;:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Taux d’apprentissage&#xa0;:</translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation>Courbes d’apprentissage</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Perte d’entraînement</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Perte de validation</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>Exactitude de validation</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrique</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Modèle de base</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>Affiné</translation>
    </message>
    <message>
        <source>Held-out metrics</source>
        <translation>Métriques sur les données mises de côté</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matrice de confusion</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>&amp;Annuler l’entraînement</translation>
    </message>
    <message>
        <source>Save and &amp;Activate</source>
        <translation>Enregistrer et a&amp;ctiver</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Epoch %1 of %2, batch %3 of %4, loss %5</source>
        <translation>Époque %1 sur %2, lot %3 sur %4, perte %5</translation>
    </message>
    <message>
        <source>Cannot read the base model: %1</source>
        <translation>Impossible de lire le modèle de base&#xa0;: %1</translation>
    </message>
    <message>
        <source>No annotations yet: correct some labels in the Predictions panel first.</source>
        <translation>Pas encore d’annotations&#xa0;: corrigez d’abord quelques labels dans le panneau Prédictions.</translation>
    </message>
    <message numerus="yes">
        <source>%n annotated track(s) or segment(s) fit the model&apos;s labels.</source>
        <translation>
            <numerusform>%n morceau ou segment annoté correspond aux labels du modèle.</numerusform>
            <numerusform>%n morceaux ou segments annotés correspondent aux labels du modèle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation accuracy (%1)</source>
        <translation>Exactitude de validation (%1)</translation>
    </message>
    <message>
        <source>Trained on %1 item(s); %2 held out. Save and Activate to use the new model (%3).</source>
        <translation>Entraîné sur %1 élément(s)&#xa0;; %2 mis de côté. Choisissez «&#xa0;Enregistrer et activer&#xa0;» pour utiliser le nouveau modèle (%3).</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>Annulé&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Fine-tuning failed: %1</source>
        <translation>Échec de l’affinage&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: rows are the annotators&apos; labels, columns the fine-tuned model&apos;s.</source>
        <translation>%1&#xa0;: les lignes sont les labels des annotateurs, les colonnes ceux du modèle affiné.</translation>
    </message>
    <message>
        <source>Could not activate the new model: %1</source>
        <translation>Impossible d’activer le nouveau modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>The new model %1 is active.</source>
        <translation>Le nouveau modèle %1 est actif.</translation>
    </message>
    <message>
        <source>The fine-tuned model was discarded.</source>
        <translation>Le modèle affiné a été rejeté.</translation>
    </message>
</context>
<context>
    <name>spectag::ui::LibraryCharts</name>
    <message>
        <source>No model yet: analyse some tracks to see the charts.</source>
        <translation>Pas encore de modèle&#xa0;: analysez quelques morceaux pour voir les graphiques.</translation>
    </message>
    <message numerus="yes">
        <source>Model %1: %n analysed track(s)</source>
        <translation>
            <numerusform>Modèle %1&#xa0;: %n morceau analysé</numerusform>
            <numerusform>Modèle %1&#xa0;: %n morceaux analysés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) annotated by people</source>
        <translation>
            <numerusform>%n morceau annoté par des personnes</numerusform>
            <numerusform>%n morceaux annotés par des personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>%1: top label per track (of several that may apply)</source>
        <translation>%1&#xa0;: label principal par morceau (parmi plusieurs possibles)</translation>
    </message>
    <message>
        <source>%1: top label per track</source>
        <translation>%1&#xa0;: label principal par morceau</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Morceaux</translation>
    </message>
    <message>
        <source>Agreement with people (%)</source>
        <translation>Accord avec les personnes (%)</translation>
    </message>
    <message>
        <source>%1: %2 (n=%3)</source>
        <translation>%1&#xa0;: %2 (n=%3)</translation>
    </message>
    <message>
        <source>No analysed track has been annotated by people yet</source>
        <translation>Aucun morceau analysé n’a encore été annoté par des personnes</translation>
    </message>
    <message>
        <source>How often the model&apos;s decision matches people&apos;s</source>
        <translation>Fréquence à laquelle la décision du modèle correspond à celle des personnes</translation>
    </message>
</context>
<context>
    <name>spectag::ui::LibraryMap</name>
    <message>
        <source>Component 1</source>
        <translation>Composante 1</translation>
    </message>
    <message>
        <source>Component 2</source>
        <translation>Composante 2</translation>
    </message>
    <message>
        <source>No model yet: analyse some tracks to see the map.</source>
        <translation>Pas encore de modèle&#xa0;: analysez quelques morceaux pour voir la carte.</translation>
    </message>
    <message>
        <source>No track has been analysed with the active model yet.</source>
        <translation>Aucun morceau n’a encore été analysé avec le modèle actif.</translation>
    </message>
    <message>
        <source>The analysed tracks have no embeddings to place.</source>
        <translation>Les morceaux analysés n’ont pas de plongements (embeddings) à placer.</translation>
    </message>
    <message>
        <source>Could not place the tracks: %1</source>
        <translation>Impossible de placer les morceaux&#xa0;: %1</translation>
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
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Could not open the catalog: %1</source>
        <translation>Impossible d’ouvrir le catalogue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Adding %1: %2 of %3 files</source>
        <translation>Ajout de %1&#xa0;: %2 sur %3 fichiers</translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) from %1</source>
        <translation>
            <numerusform>%n morceau ajouté depuis %1</numerusform>
            <numerusform>%n morceaux ajoutés depuis %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n track(s) from %1; %2 file(s) could not be read</source>
        <translation>
            <numerusform>%n morceau ajouté depuis %1&#xa0;; %2 fichier(s) illisible(s)</numerusform>
            <numerusform>%n morceaux ajoutés depuis %1&#xa0;; %2 fichier(s) illisible(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Search (Ctrl+F): words, mood:calm genre:jazz conf&gt;0.7 artist:… duration&lt;3:00 -genre:rock</source>
        <translation>Rechercher (Ctrl+F)&#xa0;: mots, mood:calm genre:jazz conf&gt;0.7 artist:… duration&lt;3:00 -genre:rock</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Morceau</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Prédictions</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>&amp;Lecture/Pause</translation>
    </message>
    <message>
        <source>Seek &amp;Back 5 s</source>
        <translation>&amp;Reculer de 5&#xa0;s</translation>
    </message>
    <message>
        <source>Seek &amp;Forward 5 s</source>
        <translation>&amp;Avancer de 5&#xa0;s</translation>
    </message>
    <message>
        <source>To &amp;Start</source>
        <translation>Au &amp;début</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>&amp;Write Tags…</source>
        <translation>&amp;Écrire les étiquettes…</translation>
    </message>
    <message>
        <source>Write the predicted genre and mood of the selected tracks into their files</source>
        <translation>Écrire le genre et l’humeur prédits des morceaux sélectionnés dans leurs fichiers</translation>
    </message>
    <message>
        <source>&amp;Undo Last Tag Write</source>
        <translation>&amp;Annuler la dernière écriture d’étiquettes</translation>
    </message>
    <message>
        <source>Nothing undone: %1</source>
        <translation>Rien n’a été annulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annulation&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation>&amp;Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Zoom arrière</translation>
    </message>
    <message>
        <source>&amp;Whole Track</source>
        <translation>Morceau &amp;entier</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About Spectag</source>
        <translation>À &amp;propos de Spectag</translation>
    </message>
    <message>
        <source>Not a folder: %1</source>
        <translation>Ce n’est pas un dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Ajout de %1…</translation>
    </message>
    <message>
        <source>Add Music Folder</source>
        <translation>Ajouter un dossier de musique</translation>
    </message>
    <message>
        <source>“%1” has not been analysed with the active model yet (%2 analyses the selection).</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas encore été analysé avec le modèle actif (%2 analyse la sélection).</translation>
    </message>
    <message>
        <source>“%1” has not been analysed with the active model yet.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas encore été analysé avec le modèle actif.</translation>
    </message>
    <message>
        <source>Select tracks analysed with the loaded model to write their tags</source>
        <translation>Sélectionnez des morceaux analysés avec le modèle chargé pour écrire leurs étiquettes</translation>
    </message>
    <message numerus="yes">
        <source>Tags written to %n file(s)</source>
        <translation>
            <numerusform>Étiquettes écrites dans %n fichier</numerusform>
            <numerusform>Étiquettes écrites dans %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) failed</source>
        <translation>
            <numerusform>&#xa0;; échec pour %n fichier</numerusform>
            <numerusform>&#xa0;; échec pour %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing the last tag write…</source>
        <translation>Annulation de la dernière écriture d’étiquettes…</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n track(s)</source>
        <translation>
            <numerusform>%1 sur %n morceau</numerusform>
            <numerusform>%1 sur %n morceaux</numerusform>
        </translation>
    </message>
    <message>
        <source>About Spectag</source>
        <translation>À propos de Spectag</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectag %1&lt;/b&gt;&lt;p&gt;Tags your music library with mood and genre predicted on your own computer from mel spectrograms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Spectag %1&lt;/b&gt;&lt;p&gt;Étiquette votre bibliothèque musicale avec l’humeur et le genre, prédits sur votre propre ordinateur à partir de spectrogrammes mel.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Analysing with the fine-tuned model %1</source>
        <translation>Analyse avec le modèle affiné %1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Model on Annotations…</source>
        <translation>A&amp;ffiner le modèle sur les annotations…</translation>
    </message>
    <message>
        <source>Library Map</source>
        <translation>Carte de la bibliothèque</translation>
    </message>
    <message>
        <source>Library Charts</source>
        <translation>Graphiques de la bibliothèque</translation>
    </message>
    <message>
        <source>Playlist “%1” created</source>
        <translation>Liste de lecture «&#xa0;%1&#xa0;» créée</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Listes de lecture</translation>
    </message>
    <message>
        <source>Mood Map</source>
        <translation>Carte des humeurs</translation>
    </message>
    <message>
        <source>&amp;Mood Map</source>
        <translation>Carte des &amp;humeurs</translation>
    </message>
    <message>
        <source>Select a folder to show only its tracks, click below the folders to show the whole library again; drop folders on the window to add them</source>
        <translation>Sélectionnez un dossier pour n’afficher que ses morceaux, cliquez sous les dossiers pour revoir toute la bibliothèque&#xa0;; déposez des dossiers sur la fenêtre pour les ajouter</translation>
    </message>
</context>
<context>
    <name>spectag::ui::MoodMap</name>
    <message>
        <source>New Mood &amp;Trajectory Playlist…</source>
        <translation>Nouvelle liste de lecture en &amp;trajectoire d’humeur…</translation>
    </message>
    <message>
        <source>A playlist that moves from one mood to another</source>
        <translation>Une liste de lecture qui passe d’une humeur à une autre</translation>
    </message>
    <message>
        <source>Valence (unpleasant → pleasant)</source>
        <translation>Valence (désagréable → agréable)</translation>
    </message>
    <message>
        <source>Arousal (calm → energetic)</source>
        <translation>Activation (calme → énergique)</translation>
    </message>
    <message>
        <source>happy · energetic</source>
        <translation>joyeux · énergique</translation>
    </message>
    <message>
        <source>angry · tense</source>
        <translation>en colère · tendu</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>triste</translation>
    </message>
    <message>
        <source>calm · relaxed</source>
        <translation>calme · détendu</translation>
    </message>
    <message>
        <source>No model yet: analyse some tracks to see the map.</source>
        <translation>Pas encore de modèle&#xa0;: analysez quelques morceaux pour voir la carte.</translation>
    </message>
    <message>
        <source>No track has been analysed with the active model yet.</source>
        <translation>Aucun morceau n’a encore été analysé avec le modèle actif.</translation>
    </message>
    <message>
        <source>The active model has no valence/arousal quadrant head, so it places no track in this plane.</source>
        <translation>Le modèle actif n’a pas de tête de quadrant valence/activation : il ne place aucun morceau dans ce plan.</translation>
    </message>
    <message>
        <source>Valence %1, arousal %2</source>
        <translation>Valence %1, activation %2</translation>
    </message>
    <message>
        <source>New Mood Trajectory Playlist from Here…</source>
        <translation>Nouvelle liste de lecture en trajectoire d’humeur depuis ici…</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Effacer la sélection</translation>
    </message>
</context>
<context>
    <name>spectag::ui::PlaylistPanel</name>
    <message>
        <source>Drop tracks on a playlist to add them; drag a playlist out as an .m3u8 file</source>
        <translation>Déposez des morceaux sur une liste de lecture pour les y ajouter&#xa0;; faites glisser une liste de lecture hors de la fenêtre pour obtenir un fichier .m3u8</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>&amp;New Playlist…</source>
        <translation>&amp;Nouvelle liste de lecture…</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Nouvelle liste de lecture</translation>
    </message>
    <message>
        <source>New &amp;Mood Playlist…</source>
        <translation>Nouvelle liste de lecture d’&amp;humeur…</translation>
    </message>
    <message>
        <source>New playlist for one mood: tracks dropped into it are marked with that mood</source>
        <translation>Nouvelle liste de lecture pour une humeur&#xa0;: les morceaux qui y sont déposés sont marqués avec cette humeur</translation>
    </message>
    <message>
        <source>New &amp;Smart Playlist…</source>
        <translation>Nouvelle liste de lecture intelli&amp;gente…</translation>
    </message>
    <message>
        <source>New playlist of the library tracks that match a search, kept up to date</source>
        <translation>Nouvelle liste de lecture des morceaux de la bibliothèque correspondant à une recherche, tenue à jour</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>Edit Smart &amp;Query…</source>
        <translation>Modifier la re&amp;quête…</translation>
    </message>
    <message>
        <source>&amp;Delete Playlist</source>
        <translation>&amp;Supprimer la liste de lecture</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Export Playlist as &amp;M3U8…</source>
        <translation>Exporter la liste de lecture en &amp;M3U8…</translation>
    </message>
    <message>
        <source>Export Playlist as &amp;XSPF…</source>
        <translation>Exporter la liste de lecture en &amp;XSPF…</translation>
    </message>
    <message>
        <source>&amp;Import Playlist…</source>
        <translation>&amp;Importer une liste de lecture…</translation>
    </message>
    <message>
        <source>Remove from Playlist</source>
        <translation>Retirer de la liste de lecture</translation>
    </message>
    <message>
        <source>Smart playlist: the library tracks matching “%1”</source>
        <translation>Liste de lecture intelligente&#xa0;: les morceaux de la bibliothèque correspondant à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Mood playlist: tracks dropped here are marked “%1”</source>
        <translation>Liste de lecture d’humeur&#xa0;: les morceaux déposés ici sont marqués «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Could not create the playlist: %1</source>
        <translation>Impossible de créer la liste de lecture&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n track(s) as “%1”</source>
        <translation>
            <numerusform>%n morceau marqué «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n morceaux marqués «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not record the mood: %1</source>
        <translation>Impossible d’enregistrer l’humeur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>added %n new file(s) to the library</source>
        <translation>
            <numerusform>%n nouveau fichier ajouté à la bibliothèque</numerusform>
            <numerusform>%n nouveaux fichiers ajoutés à la bibliothèque</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n fichier n’a pas pu être lu</numerusform>
            <numerusform>%n fichiers n’ont pas pu être lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ignored %n item(s) that are not audio files</source>
        <translation>
            <numerusform>%n élément ignoré (pas un fichier audio)</numerusform>
            <numerusform>%n éléments ignorés (pas des fichiers audio)</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop: %1</source>
        <translation>Dépôt&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exported the playlist to %1</source>
        <translation>Liste de lecture exportée vers %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n of %1 track(s)</source>
        <translation>
            <numerusform>%n morceau importé sur %1</numerusform>
            <numerusform>%n morceaux importés sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New Playlist</source>
        <translation>Nouvelle liste de lecture</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>New Mood Playlist</source>
        <translation>Nouvelle liste de lecture d’humeur</translation>
    </message>
    <message>
        <source>Tracks dropped into it are marked with this mood:</source>
        <translation>Les morceaux qui y sont déposés sont marqués avec cette humeur&#xa0;:</translation>
    </message>
    <message>
        <source>New Smart Playlist</source>
        <translation>Nouvelle liste de lecture intelligente</translation>
    </message>
    <message>
        <source>Library search (e.g. mood:calm conf&gt;0.6 -genre:rock):</source>
        <translation>Recherche dans la bibliothèque (p.&#xa0;ex. mood:calm conf&gt;0.6 -genre:rock)&#xa0;:</translation>
    </message>
    <message>
        <source>Smart Playlist</source>
        <translation>Liste de lecture intelligente</translation>
    </message>
    <message>
        <source>Library search:</source>
        <translation>Recherche dans la bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>Delete Playlist</source>
        <translation>Supprimer la liste de lecture</translation>
    </message>
    <message>
        <source>Delete the playlist “%1”? Its tracks stay in the library.</source>
        <translation>Supprimer la liste de lecture «&#xa0;%1&#xa0;»&#xa0;? Ses morceaux restent dans la bibliothèque.</translation>
    </message>
    <message>
        <source>XSPF playlists (*.xspf)</source>
        <translation>Listes de lecture XSPF (*.xspf)</translation>
    </message>
    <message>
        <source>M3U8 playlists (*.m3u8)</source>
        <translation>Listes de lecture M3U8 (*.m3u8)</translation>
    </message>
    <message>
        <source>Export Playlist</source>
        <translation>Exporter la liste de lecture</translation>
    </message>
    <message>
        <source>Import Playlist</source>
        <translation>Importer une liste de lecture</translation>
    </message>
    <message>
        <source>Playlists (*.m3u8 *.m3u *.xspf)</source>
        <translation>Listes de lecture (*.m3u8 *.m3u *.xspf)</translation>
    </message>
</context>
<context>
    <name>spectag::ui::PredictionsPanel</name>
    <message>
        <source>No predictions for this track yet.</source>
        <translation>Pas encore de prédictions pour ce morceau.</translation>
    </message>
    <message>
        <source>%1: the model says %2 % (threshold %3 %)</source>
        <translation>%1&#xa0;: le modèle donne %2&#xa0;% (seuil %3&#xa0;%)</translation>
    </message>
    <message>
        <source>an annotator</source>
        <translation>un annotateur</translation>
    </message>
    <message>
        <source>Applies: marked by %1 on %2</source>
        <translation>S’applique&#xa0;: marqué par %1 le %2</translation>
    </message>
    <message>
        <source>Does not apply: marked by %1 on %2</source>
        <translation>Ne s’applique pas&#xa0;: marqué par %1 le %2</translation>
    </message>
    <message>
        <source>Click to choose this %1</source>
        <translation>Cliquer pour choisir ceci comme %1</translation>
    </message>
    <message>
        <source>Click to toggle</source>
        <translation>Cliquer pour activer ou désactiver</translation>
    </message>
</context>
<context>
    <name>spectag::ui::ScatterMap</name>
    <message>
        <source>Playlist from Selection</source>
        <translation>Liste de lecture depuis la sélection</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Colour by mood</source>
        <translation>Colorer par humeur</translation>
    </message>
    <message>
        <source>Colour by genre</source>
        <translation>Colorer par genre</translation>
    </message>
    <message>
        <source>Make a playlist of the tracks selected with the lasso</source>
        <translation>Créer une liste de lecture avec les morceaux sélectionnés au lasso</translation>
    </message>
    <message>
        <source>Show every track</source>
        <translation>Afficher tous les morceaux</translation>
    </message>
    <message>
        <source>Drag to select tracks with a lasso (Shift adds), double-click to play, wheel to zoom</source>
        <translation>Glisser pour sélectionner des morceaux au lasso (Maj ajoute), double-clic pour lire, molette pour zoomer</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 selected</source>
        <translation>%1, %2 sélectionné(s)</translation>
    </message>
    <message>
        <source>Mood: %1</source>
        <translation>Humeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Genre: %1</source>
        <translation>Genre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Map selection %1</source>
        <translation>Sélection sur la carte %1</translation>
    </message>
    <message>
        <source>Could not make the playlist: %1</source>
        <translation>Impossible de créer la liste de lecture&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Playlist “%1”: %n track(s)</source>
        <translation>
            <numerusform>Liste de lecture «&#xa0;%1&#xa0;»&#xa0;: %n morceau</numerusform>
            <numerusform>Liste de lecture «&#xa0;%1&#xa0;»&#xa0;: %n morceaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Name of the new playlist (%n track(s)):</source>
        <translation>
            <numerusform>Nom de la nouvelle liste de lecture (%n morceau)&#xa0;:</numerusform>
            <numerusform>Nom de la nouvelle liste de lecture (%n morceaux)&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::SegmentTimeline</name>
    <message>
        <source>No segment predictions: analyse the track to see its mood and genre over time.</source>
        <translation>Aucune prédiction par segment&#xa0;: analysez le morceau pour voir l’évolution de son humeur et de son genre.</translation>
    </message>
    <message>
        <source>%1: %2 (%3 %)
%4 s – %5 s, click to play</source>
        <translation>%1&#xa0;: %2 (%3&#xa0;%)
%4&#xa0;s – %5&#xa0;s, cliquer pour lire</translation>
    </message>
</context>
<context>
    <name>spectag::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Add Music Folder</source>
        <translation>Ajouter un dossier de musique</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>The catalog&apos;s active model, else the shipped one</source>
        <translation>Le modèle actif du catalogue, sinon celui fourni</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Spectag models (*.stm)</source>
        <translation>Modèles Spectag (*.stm)</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
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
        <translation>Automatique (%1)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Calcul&#xa0;:</translation>
    </message>
    <message>
        <source>Decoding &amp;threads:</source>
        <translation>Threads de &amp;décodage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>A genre or mood is written only when the model is at least this confident</source>
        <translation>Un genre ou une humeur n’est écrit que si la confiance du modèle atteint au moins ce niveau</translation>
    </message>
    <message>
        <source>Everyday words (happy, angry, sad, relaxed)</source>
        <translation>Mots courants (happy, angry, sad, relaxed)</translation>
    </message>
    <message>
        <source>GEMS emotions</source>
        <translation>Émotions GEMS</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Also write the scores (namespaced fields)</source>
        <translation>Écrire aussi les scores (champs avec espace de noms)</translation>
    </message>
    <message>
        <source>Keep the file&apos;s version</source>
        <translation>Conserver la version du fichier</translation>
    </message>
    <message>
        <source>ID3v2.3 (older players)</source>
        <translation>ID3v2.3 (anciens lecteurs)</translation>
    </message>
    <message>
        <source>ID3v2.4</source>
        <translation>ID3v2.4</translation>
    </message>
    <message>
        <source>Minimum &amp;confidence:</source>
        <translation>&amp;Confiance minimale&#xa0;:</translation>
    </message>
    <message>
        <source>Mood &amp;words:</source>
        <translation>&amp;Mots d’humeur&#xa0;:</translation>
    </message>
    <message>
        <source>MP3 &amp;tag version:</source>
        <translation>&amp;Version des étiquettes MP3&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Dropping a track into a mood playlist labels the track with that mood</source>
        <translation>Déposer un morceau dans une liste de lecture d’humeur lui attribue cette humeur</translation>
    </message>
    <message>
        <source>Annotator &amp;name:</source>
        <translation>&amp;Nom de l’annotateur&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;nnotation</source>
        <translation>Ann&amp;otation</translation>
    </message>
    <message>
        <source>This folder does not exist (any more)</source>
        <translation>Ce dossier n’existe pas (ou plus)</translation>
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
        <translation>Aucun morceau</translation>
    </message>
    <message>
        <source>Hz (log)</source>
        <translation>Hz (log)</translation>
    </message>
    <message>
        <source>Hz (mel)</source>
        <translation>Hz (mel)</translation>
    </message>
</context>
<context>
    <name>spectag::ui::TagWriteDialog</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Humeur</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Mood scores</source>
        <translation>Scores d’humeur</translation>
    </message>
    <message>
        <source>Genre scores</source>
        <translation>Scores de genre</translation>
    </message>
    <message>
        <source>%1 written, %2 unchanged, %3 failed</source>
        <translation>%1 écrit(s), %2 inchangé(s), %3 en échec</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source>Write Tags</source>
        <translation>Écrire les étiquettes</translation>
    </message>
    <message>
        <source>A genre or mood is written only when the model is at least this confident</source>
        <translation>Un genre ou une humeur n’est écrit que si la confiance du modèle atteint au moins ce niveau</translation>
    </message>
    <message>
        <source>Everyday words (happy, angry, sad, relaxed)</source>
        <translation>Mots courants (happy, angry, sad, relaxed)</translation>
    </message>
    <message>
        <source>GEMS emotions</source>
        <translation>Émotions GEMS</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Minimum &amp;confidence:</source>
        <translation>&amp;Confiance minimale&#xa0;:</translation>
    </message>
    <message>
        <source>Mood &amp;words:</source>
        <translation>&amp;Mots d’humeur&#xa0;:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Ancien</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Écrire</translation>
    </message>
    <message numerus="yes">
        <source>Reading the tags of %n file(s)…</source>
        <translation>
            <numerusform>Lecture des étiquettes de %n fichier…</numerusform>
            <numerusform>Lecture des étiquettes de %n fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will change</source>
        <translation>
            <numerusform>%n fichier sera modifié</numerusform>
            <numerusform>%n fichiers seront modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) cannot be written</source>
        <translation>
            <numerusform>&#xa0;; %n fichier ne peut pas être écrit</numerusform>
            <numerusform>&#xa0;; %n fichiers ne peuvent pas être écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(inchangé)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Nothing above the minimum confidence: left as it is</source>
        <translation>Rien au-dessus de la confiance minimale&#xa0;: laissé tel quel</translation>
    </message>
    <message>
        <source>Writing tags…</source>
        <translation>Écriture des étiquettes…</translation>
    </message>
    <message numerus="yes">
        <source>Write Tags (%n file(s))</source>
        <translation>
            <numerusform>Écrire les étiquettes (%n fichier)</numerusform>
            <numerusform>Écrire les étiquettes (%n fichiers)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Writing %1 (%2 of %3)…</source>
        <translation>Écriture de %1 (%2 sur %3)…</translation>
    </message>
</context>
<context>
    <name>spectag::ui::TrackView</name>
    <message>
        <source>Decoding…</source>
        <translation>Décodage…</translation>
    </message>
    <message>
        <source>Play/Pause (Space)</source>
        <translation>Lecture/Pause (Espace)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Whole track (0)</source>
        <translation>Morceau entier (0)</translation>
    </message>
    <message>
        <source>Follow the playhead</source>
        <translation>Suivre la tête de lecture</translation>
    </message>
    <message>
        <source>Spectrogram colours</source>
        <translation>Couleurs du spectrogramme</translation>
    </message>
    <message>
        <source>Thermal</source>
        <translation>Thermique</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Nuit</translation>
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
        <translation>Spectre</translation>
    </message>
    <message>
        <source>Candy</source>
        <translation>Bonbon</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>Polar</source>
        <translation>Polaire</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
    <message>
        <source>Frequency axis</source>
        <translation>Axe des fréquences</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Mel</source>
        <translation>Mel</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linéaire</translation>
    </message>
    <message>
        <source> dB</source>
        <translation>&#xa0;dB</translation>
    </message>
    <message>
        <source>Dynamic range of the spectrogram colours</source>
        <translation>Plage dynamique des couleurs du spectrogramme</translation>
    </message>
</context>
<context>
    <name>spectag::ui::TrajectoryDialog</name>
    <message>
        <source>New Mood Trajectory Playlist</source>
        <translation>Nouvelle liste de lecture en trajectoire d’humeur</translation>
    </message>
    <message>
        <source>Create Playlist</source>
        <translation>Créer la liste de lecture</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Vers :</translation>
    </message>
    <message>
        <source>&amp;Tracks:</source>
        <translation>&amp;Morceaux :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>The tracks nearest to evenly spaced points on the straight path between the two moods (valence and arousal from −1 to 1), each used once, in path order.</source>
        <translation>Les morceaux les plus proches de points régulièrement espacés sur le chemin droit entre les deux humeurs (valence et activation de −1 à 1), chacun une seule fois, dans l’ordre du chemin.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>happy · energetic</source>
        <translation>joyeux · énergique</translation>
    </message>
    <message>
        <source>angry · tense</source>
        <translation>en colère · tendu</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>triste</translation>
    </message>
    <message>
        <source>calm · relaxed</source>
        <translation>calme · détendu</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutre</translation>
    </message>
    <message>
        <source>a point</source>
        <translation>un point</translation>
    </message>
    <message>
        <source>Valence: unpleasant (−1) to pleasant (1)</source>
        <translation>Valence : désagréable (−1) à agréable (1)</translation>
    </message>
    <message>
        <source>Arousal: calm (−1) to energetic (1)</source>
        <translation>Activation : calme (−1) à énergique (1)</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>De %1 à %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Valence %1, arousal %2</source>
        <translation>Valence %1, activation %2</translation>
    </message>
    <message numerus="yes">
        <source>Only %n track(s) in the mood plane: all of them, in path order.</source>
        <translation>
            <numerusform>Seulement %n morceau dans le plan des humeurs : tous, dans l’ordre du chemin.</numerusform>
            <numerusform>Seulement %n morceaux dans le plan des humeurs : tous, dans l’ordre du chemin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) chosen from %1 in the mood plane.</source>
        <translation>
            <numerusform>%n morceau choisi parmi %1 dans le plan des humeurs.</numerusform>
            <numerusform>%n morceaux choisis parmi %1 dans le plan des humeurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not make the playlist: %1</source>
        <translation>Impossible de créer la liste de lecture&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Playlist “%1”: %n track(s)</source>
        <translation>
            <numerusform>Liste de lecture «&#xa0;%1&#xa0;»&#xa0;: %n morceau</numerusform>
            <numerusform>Liste de lecture «&#xa0;%1&#xa0;»&#xa0;: %n morceaux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectag::ui::WaveformView</name>
    <message>
        <source>Whole track: click to seek</source>
        <translation>Morceau entier&#xa0;: cliquer pour se déplacer</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>Aucun morceau</translation>
    </message>
    <message>
        <source>Click or drag to seek, wheel to zoom; Shift+drag selects a region to label (right-click it)</source>
        <translation>Cliquer ou glisser pour se déplacer, molette pour zoomer&#xa0;; Maj+glisser sélectionne une zone à annoter (clic droit dessus)</translation>
    </message>
</context>
</TS>
