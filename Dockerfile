# The service as a container image: the packaged jar on a JDK 25 runtime. Build the jar first (./mvnw package).
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY target/partner-atlas-*.jar /app/partner-atlas.jar
ENV ATLAS_DATA_DIR=/data/neo4j
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx1g", "-XX:+UseZGC", "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-jar", "/app/partner-atlas.jar"]
