package io.atonix.benchmark.measure;

import io.atonix.benchmark.requests.VerbCounts;

/**
 * What one baseline run measured.
 *
 * @param creationSeconds from the first object written to every desired object existing as desired
 * @param requests        the baseline client's writing requests
 */
public record BaselineFigures(double creationSeconds, VerbCounts requests) {}
