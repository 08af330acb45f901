# The application image. Build the jar first: ./mvnw -q package -DskipTests
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ggz
COPY contract-api/target/contract-api.jar /app/contract-api.jar
USER ggz
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/contract-api.jar"]
