package io.invoq.app;

/** A configuration value is missing or invalid; the message names the key. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
