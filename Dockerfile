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
COPY --from=build /src/app.jar /tmp/app.jar
# Faster container start (Spring Boot's "Class Data Sharing" recipe): the jar extracted into plain jars, and a CDS
# archive of the classes a start loads, written by a training run on the embedded default (H2 in a throw-away folder)
# that stops right after the context refresh. Without the archive (another JVM) the JVM warns and starts normally.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/application \
	&& rm /tmp/app.jar \
	&& mkdir /tmp/training && cd /tmp/training \
	&& java -XX:ArchiveClassesAtExit=/app/application/app.jsa -Dspring.context.exit=onRefresh \
		-jar /app/application/app.jar --server.port=0 \
	&& cd /app && rm -rf /tmp/training
# the default profile keeps its H2 file under ./data; the mysql profile does not need it
RUN mkdir -p /app/data && chown -R mentoring:mentoring /app/data
USER mentoring
EXPOSE 8080
ENTRYPOINT ["java","-XX:SharedArchiveFile=/app/application/app.jsa","-jar","/app/application/app.jar"]
