// The editorial charter checker.
