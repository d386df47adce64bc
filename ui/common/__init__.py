"""What every feature folder of ui/ uses: the Qt bridge to the devices, notices and the log pane, the
language and how a sentence is said in it, the save dialog, the words for devices and for the
operations log's values. Imports no other ui/ package."""
