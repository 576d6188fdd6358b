# syntax=docker/dockerfile:1
# Build: docker build -t alma-mentoring .   (or docker-compose up --build, see docker-compose.yml)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# dependencies first, so that a source change does not download them again
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline || true
COPY . .
RUN ./mvnw -B -q package -DskipTests \
	&& cp "$(ls target/alma-mentoring-*.jar | grep -v '\.original$')" /src/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system mentoring && useradd --system --gid mentoring --home-dir /app --shell /usr/sbin/nologin mentoring
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
# the default profile keeps its H2 file under ./data; the mysql profile does not need it
RUN mkdir -p /app/data && chown -R mentoring:mentoring /app/data
USER mentoring
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/app.jar"]
