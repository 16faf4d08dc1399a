package org.partneratlas;

import org.partneratlas.export.BackupCommand;
import org.partneratlas.graph.AtlasProperties;

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
			// The import command: the same store and beans, no web server; exits with the command's code.
			SpringApplication application = new SpringApplication(PartnerAtlasApplication.class);
			application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
			String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
			var context = application.run(rest);
			int code = context.getBean(org.partneratlas.ingest.ImportCommand.class).run(rest, System.out);
			System.exit(SpringApplication.exit(context, () -> code));
		}
		SpringApplication.run(PartnerAtlasApplication.class, args);
	}

}
