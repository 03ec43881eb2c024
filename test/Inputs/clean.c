/* A file with nothing to report. */
int clean(void) { return 0; }
