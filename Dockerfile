# The service as a container image: the packaged jar on a JDK 25 runtime. Build the jar first (./mvnw package).
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY target/partner-atlas-*.jar /app/partner-atlas.jar
# Extract the jar and record its start-up (AOT) cache into the image once (README "Two commands"), with exactly the
# JVM options of the ENTRYPOINT (the cache is kept per set of options); should the training run fail, the service
# starts from the extracted jar without the cache.
RUN ATLAS_LAUNCH_MODE=prepare java -Xmx1g -XX:+UseZGC --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar /app/partner-atlas.jar \
  || echo "no start-up cache: the service starts without it"
ENV ATLAS_DATA_DIR=/data/neo4j
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx1g", "-XX:+UseZGC", "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-jar", "/app/partner-atlas.jar"]
