package io.leeward.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind the CLI commands and {@code serve}. */
@SpringBootApplication
public class LeewardApplication {}
