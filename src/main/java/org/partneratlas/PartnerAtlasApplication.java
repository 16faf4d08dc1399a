package org.partneratlas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.partneratlas.export.BackupCommand;
import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.EmbeddedNeo4jEarlyStart;
import org.partneratlas.graph.StartupPhases;
import org.partneratlas.ingest.ImportCommand;
import org.partneratlas.operations.AotLaunch;

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
			String[] rest = Arrays.copyOfRange(args, 1, args.length);
			List<String> settings = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
					"--spring.main.banner-mode=off", "--logging.level.root=WARN",
					// no caller's read runs here: schema, seed and import may take their time on a busy machine
					"--atlas.transaction-timeout=30m"));
			settings.addAll(List.of(rest));
			var context = application.run(settings.toArray(String[]::new));
			int code = context.getBean(ImportCommand.class).run(rest, System.out);
			System.exit(SpringApplication.exit(context, () -> code));
		}
		// java -jar on the packaged jar: the service runs as a child JVM through the start-up (AOT) cache
		OptionalInt launched = AotLaunch.launch(args);
		if (launched.isPresent()) {
			System.exit(launched.getAsInt());
		}
		AotLaunch.stopWithLauncher();
		StartupPhases.mainStarted();
		SpringApplication application = new SpringApplication(PartnerAtlasApplication.class);
		// the embedded Neo4j starts on its own thread as soon as the settings are known, beside the context
		application.addListeners(new EmbeddedNeo4jEarlyStart());
		application.run(AotLaunch.serviceArguments(args));
	}

}
