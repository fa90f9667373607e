<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <source>&lt;b&gt;Model&lt;/b&gt; %1 — %2, version %3; heads: %4</source>
        <translation>&lt;b&gt;Modèle&lt;/b&gt; %1 — %2, version %3&#xa0;; sorties&#xa0;: %4</translation>
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
        <source>Select a folder to show only its tracks; drop folders on the window to add them</source>
        <translation>Sélectionnez un dossier pour n’afficher que ses morceaux&#xa0;; déposez des dossiers sur la fenêtre pour les ajouter</translation>
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
</context>
<context>
    <name>spectag::ui::PredictionsPanel</name>
    <message>
        <source>No predictions for this track yet.</source>
        <translation>Pas encore de prédictions pour ce morceau.</translation>
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
    <name>spectag::ui::WaveformView</name>
    <message>
        <source>Whole track: click to seek</source>
        <translation>Morceau entier&#xa0;: cliquer pour se déplacer</translation>
    </message>
    <message>
        <source>Click or drag to seek, wheel to zoom</source>
        <translation>Cliquer ou glisser pour se déplacer, molette pour zoomer</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>Aucun morceau</translation>
    </message>
</context>
</TS>
