package org.partneratlas;

import org.partneratlas.export.BackupCommand;
import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.StartupPhases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Partner Atlas: a GraphQL API over a Neo4j graph of institutions, agencies, partner countries, instruments, cables and
 * projects, answering who connects to whom and through which instrument.
 */
@SpringBootApplication
@EnableConfigurationProperties(AtlasProperties.class)
public class PartnerAtlasApplication {

	public static void main(String[] args) {
		if (args.length > 0 && BackupCommand.NAMES.contains(args[0])) {
			System.exit(BackupCommand.run(PartnerAtlasApplication.class, args));
		}
		if (args.length > 0 && "import".equals(args[0])) {
			// The import command: the same store and beans (the web layer on a free loopback port, as the security
			// configuration needs it), then exits with the command's code.
			SpringApplication application = new SpringApplication(PartnerAtlasApplication.class);
			String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
			java.util.List<String> settings = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
					"--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
					// no caller's read runs here: schema, seed and import may take their time on a busy machine
					"--atlas.transaction-timeout=30m"));
			settings.addAll(java.util.List.of(rest));
			var context = application.run(settings.toArray(String[]::new));
			int code = context.getBean(org.partneratlas.ingest.ImportCommand.class).run(rest, System.out);
			System.exit(SpringApplication.exit(context, () -> code));
		}
		StartupPhases.mainStarted();
		SpringApplication application = new SpringApplication(PartnerAtlasApplication.class);
		// the embedded Neo4j starts on its own thread as soon as the settings are known, beside the context
		application.addListeners(new org.partneratlas.graph.EmbeddedNeo4jEarlyStart());
		application.run(args);
	}

}
