package at.alma.mentoring.member;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AdminActions extends JpaRepository<AdminAction, UUID>, JpaSpecificationExecutor<AdminAction> {

}
