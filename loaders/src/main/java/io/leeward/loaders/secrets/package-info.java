/**
 * Recognises secret values where they should not be: environment variables of task definitions
 * today, command lines later. {@link io.leeward.loaders.secrets.SecretScanner} says whether a
 * value looks like a secret and what kind; it never keeps or returns the value.
 */
package io.leeward.loaders.secrets;
