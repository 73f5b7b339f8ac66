"""Deciding what enters a bank, by rendering it: the checks on one program, the
validation job over a bank, the importer of other people's shaders and the synthesis
of new banks."""
