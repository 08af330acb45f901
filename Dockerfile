# The application image. Build the jar first: ./mvnw -q package -DskipTests
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ggz && mkdir -p /var/lib/ggz && chown ggz /var/lib/ggz
COPY contract-api/target/contract-api.jar /app/contract-api.jar
USER ggz
# writable by the application: the audit signing key is made in data/ here on the first start (a volume keeps it)
WORKDIR /var/lib/ggz
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/contract-api.jar"]
