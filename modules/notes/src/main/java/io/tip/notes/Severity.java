package io.tip.notes;

/** ERROR fails {@code tip lint} and stops {@code tip load}; WARNING is shown but loads. */
public enum Severity { ERROR, WARNING }
