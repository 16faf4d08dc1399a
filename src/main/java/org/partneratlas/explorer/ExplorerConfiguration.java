package org.partneratlas.explorer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Explorer's properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExplorerProperties.class)
class ExplorerConfiguration {

}
