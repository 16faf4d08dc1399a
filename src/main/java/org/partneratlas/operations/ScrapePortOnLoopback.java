package org.partneratlas.operations;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A separate management port ({@code management.server.port}) listens on loopback unless
 * {@code management.server.address} says otherwise: the Prometheus scrape there needs no token, so it must not be
 * reachable from wherever the API is by accident. (Boot refuses an address without a separate port, so the default
 * cannot simply sit in {@code application.yaml}.)
 */
public class ScrapePortOnLoopback implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String port = environment.getProperty("management.server.port");
		if (port == null || port.isBlank() || port.equals(environment.getProperty("server.port"))
				|| "-1".equals(port.strip()) || environment.containsProperty("management.server.address")) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("scrapePortOnLoopback", Map.of("management.server.address", "127.0.0.1")));
	}

}
