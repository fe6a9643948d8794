package io.atonix.operator.objectstore;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What COSI reports of a BucketAccess: whether the driver granted it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BucketAccessStatus(Boolean accessGranted, String accountID) {}
