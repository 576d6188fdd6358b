package at.alma.mentoring.wiki;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ArticleRevisions extends JpaRepository<ArticleRevision, UUID>, JpaSpecificationExecutor<ArticleRevision> {

}
