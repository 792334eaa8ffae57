"""The label-errors queue: suspicious labels from a label check, decided in the Review dock."""
