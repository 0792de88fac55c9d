package org.zhufang.officers.internal;

import org.springframework.data.repository.CrudRepository;

public interface OfficerTransferRepository extends CrudRepository<OfficerTransfer, Long> {
}
