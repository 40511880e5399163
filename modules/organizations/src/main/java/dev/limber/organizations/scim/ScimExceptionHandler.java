package dev.limber.organizations.scim;

import com.unboundid.scim2.common.exceptions.ScimException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** SCIM clients get SCIM error bodies (RFC 7644 section 3.12), not problem details. */
@RestControllerAdvice(
		assignableTypes = { ScimUsersController.class, ScimGroupsController.class, ScimDiscoveryController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimExceptionHandler {

	@ExceptionHandler(ScimException.class)
	ResponseEntity<String> scimError(ScimException ex) {
		int status = ex.getScimError().getStatus();
		return error(status, ex.getScimError().getScimType(), ex.getScimError().getDetail());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<String> duplicate(DuplicateKeyException ex) {
		return error(HttpStatus.CONFLICT.value(), "uniqueness", "A resource with this userName or name exists.");
	}

	private static ResponseEntity<String> error(int status, String scimType, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE))
			.body(ScimJson.error(status, scimType, detail));
	}

}
