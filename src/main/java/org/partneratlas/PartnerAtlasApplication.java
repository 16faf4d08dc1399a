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
		SpringApplication.run(PartnerAtlasApplication.class, args);
	}

}
