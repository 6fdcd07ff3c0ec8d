/**
 * VPC flow logs: the record format of every published version and of custom formats
 * ({@link io.leeward.loaders.flows.FlowLogFormat}), a byte-level parser
 * ({@link io.leeward.loaders.flows.FlowLineParser}) and readers for the ways AWS delivers the logs:
 * text files, plain or gzip, as written to S3, and CloudWatch Logs subscription envelopes as
 * delivered through Kinesis or Firehose ({@link io.leeward.loaders.flows.FlowLogReader}).
 */
package io.leeward.loaders.flows;
