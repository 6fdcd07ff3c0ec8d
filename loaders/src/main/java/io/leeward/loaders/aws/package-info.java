/**
 * {@code leeward ingest aws DIR}: offline import of AWS CLI v2 {@code describe-*} output (ECS and
 * the EC2 network around it), laid out per account and region. The entry point is {@link
 * io.leeward.loaders.aws.AwsCliImport}; docs/formats.md describes the accepted layout.
 */
package io.leeward.loaders.aws;
