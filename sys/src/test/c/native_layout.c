/*
 * Prints every kernel/libc number and struct offset the io.ethdev4j.sys bindings hard-code, as
 * "<Class>[$<Nested>].<FIELD> <value>" lines, from the system headers. NativeLayoutTest compiles it with gcc
 * and compares each line with the Java constant of that name.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <signal.h>
#include <spawn.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/uio.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <linux/vfio.h>
#include <sys/mman.h>
#include <unistd.h>
#include <pwd.h>
#include <grp.h>
#include <linux/if_packet.h>
#include <linux/if_ether.h>

#define P(cls, name, value) printf("%s.%s %lld\n", cls, name, (long long)(value))
#define C(cls, name) P(cls, #name, name)
#define OFF(cls, field, type, member) P(cls, field, offsetof(type, member))

int main(void)
{
    const char *V = "Vfio";
    C(V, VFIO_API_VERSION); C(V, VFIO_TYPE1_IOMMU); C(V, VFIO_TYPE1v2_IOMMU); C(V, VFIO_NOIOMMU_IOMMU);
    C(V, VFIO_GET_API_VERSION); C(V, VFIO_CHECK_EXTENSION); C(V, VFIO_SET_IOMMU);
    C(V, VFIO_GROUP_GET_STATUS); C(V, VFIO_GROUP_SET_CONTAINER); C(V, VFIO_GROUP_UNSET_CONTAINER);
    C(V, VFIO_GROUP_GET_DEVICE_FD); C(V, VFIO_DEVICE_GET_INFO); C(V, VFIO_DEVICE_GET_REGION_INFO);
    C(V, VFIO_DEVICE_GET_IRQ_INFO); C(V, VFIO_DEVICE_SET_IRQS); C(V, VFIO_DEVICE_RESET);
    C(V, VFIO_IOMMU_GET_INFO); C(V, VFIO_IOMMU_MAP_DMA); C(V, VFIO_IOMMU_UNMAP_DMA);
    C(V, VFIO_GROUP_FLAGS_VIABLE); C(V, VFIO_GROUP_FLAGS_CONTAINER_SET);
    C(V, VFIO_DEVICE_FLAGS_RESET); C(V, VFIO_DEVICE_FLAGS_PCI);
    C(V, VFIO_REGION_INFO_FLAG_READ); C(V, VFIO_REGION_INFO_FLAG_WRITE); C(V, VFIO_REGION_INFO_FLAG_MMAP);
    C(V, VFIO_IRQ_INFO_EVENTFD);
    C(V, VFIO_IRQ_SET_DATA_NONE); C(V, VFIO_IRQ_SET_DATA_BOOL); C(V, VFIO_IRQ_SET_DATA_EVENTFD);
    C(V, VFIO_IRQ_SET_ACTION_MASK); C(V, VFIO_IRQ_SET_ACTION_UNMASK); C(V, VFIO_IRQ_SET_ACTION_TRIGGER);
    C(V, VFIO_DMA_MAP_FLAG_READ); C(V, VFIO_DMA_MAP_FLAG_WRITE);
    C(V, VFIO_PCI_BAR0_REGION_INDEX); C(V, VFIO_PCI_BAR5_REGION_INDEX); C(V, VFIO_PCI_ROM_REGION_INDEX);
    C(V, VFIO_PCI_CONFIG_REGION_INDEX); C(V, VFIO_PCI_NUM_REGIONS);
    C(V, VFIO_PCI_INTX_IRQ_INDEX); C(V, VFIO_PCI_MSI_IRQ_INDEX); C(V, VFIO_PCI_MSIX_IRQ_INDEX);

    const char *GS = "Vfio$GroupStatus";
    OFF(GS, "ARGSZ_OFFSET", struct vfio_group_status, argsz); OFF(GS, "FLAGS_OFFSET", struct vfio_group_status, flags);
    P(GS, "SIZE", sizeof(struct vfio_group_status));
    const char *DI = "Vfio$DeviceInfo";
    OFF(DI, "ARGSZ_OFFSET", struct vfio_device_info, argsz); OFF(DI, "FLAGS_OFFSET", struct vfio_device_info, flags);
    OFF(DI, "NUM_REGIONS_OFFSET", struct vfio_device_info, num_regions);
    OFF(DI, "NUM_IRQS_OFFSET", struct vfio_device_info, num_irqs);
    OFF(DI, "CAP_OFFSET_OFFSET", struct vfio_device_info, cap_offset);
    P(DI, "SIZE", sizeof(struct vfio_device_info));
    const char *RI = "Vfio$RegionInfo";
    OFF(RI, "ARGSZ_OFFSET", struct vfio_region_info, argsz); OFF(RI, "FLAGS_OFFSET", struct vfio_region_info, flags);
    OFF(RI, "INDEX_OFFSET", struct vfio_region_info, index);
    OFF(RI, "CAP_OFFSET_OFFSET", struct vfio_region_info, cap_offset);
    OFF(RI, "SIZE_OFFSET", struct vfio_region_info, size); OFF(RI, "OFFSET_OFFSET", struct vfio_region_info, offset);
    P(RI, "SIZE", sizeof(struct vfio_region_info));
    const char *II = "Vfio$IrqInfo";
    OFF(II, "ARGSZ_OFFSET", struct vfio_irq_info, argsz); OFF(II, "FLAGS_OFFSET", struct vfio_irq_info, flags);
    OFF(II, "INDEX_OFFSET", struct vfio_irq_info, index); OFF(II, "COUNT_OFFSET", struct vfio_irq_info, count);
    P(II, "SIZE", sizeof(struct vfio_irq_info));
    const char *IS = "Vfio$IrqSet";
    OFF(IS, "ARGSZ_OFFSET", struct vfio_irq_set, argsz); OFF(IS, "FLAGS_OFFSET", struct vfio_irq_set, flags);
    OFF(IS, "INDEX_OFFSET", struct vfio_irq_set, index); OFF(IS, "START_OFFSET", struct vfio_irq_set, start);
    OFF(IS, "COUNT_OFFSET", struct vfio_irq_set, count); OFF(IS, "DATA_OFFSET", struct vfio_irq_set, data);
    P(IS, "SIZE", sizeof(struct vfio_irq_set));
    const char *DM = "Vfio$DmaMap";
    OFF(DM, "ARGSZ_OFFSET", struct vfio_iommu_type1_dma_map, argsz);
    OFF(DM, "FLAGS_OFFSET", struct vfio_iommu_type1_dma_map, flags);
    OFF(DM, "VADDR_OFFSET", struct vfio_iommu_type1_dma_map, vaddr);
    OFF(DM, "IOVA_OFFSET", struct vfio_iommu_type1_dma_map, iova);
    OFF(DM, "SIZE_OFFSET", struct vfio_iommu_type1_dma_map, size);
    P(DM, "SIZE", sizeof(struct vfio_iommu_type1_dma_map));
    const char *DU = "Vfio$DmaUnmap";
    OFF(DU, "ARGSZ_OFFSET", struct vfio_iommu_type1_dma_unmap, argsz);
    OFF(DU, "FLAGS_OFFSET", struct vfio_iommu_type1_dma_unmap, flags);
    OFF(DU, "IOVA_OFFSET", struct vfio_iommu_type1_dma_unmap, iova);
    OFF(DU, "SIZE_OFFSET", struct vfio_iommu_type1_dma_unmap, size);
    P(DU, "SIZE", sizeof(struct vfio_iommu_type1_dma_unmap));

    const char *U = "UnixSocket";
    C(U, AF_UNIX); C(U, AF_INET); C(U, SOCK_STREAM); C(U, SOCK_DGRAM); C(U, SOCK_CLOEXEC); C(U, SOL_SOCKET);
    C(U, SCM_RIGHTS); C(U, MSG_DONTWAIT); C(U, MSG_NOSIGNAL); C(U, MSG_CMSG_CLOEXEC);
    C(U, SOCK_SEQPACKET); C(U, SOCK_NONBLOCK); C(U, SO_SNDBUF); C(U, SO_RCVBUF); C(U, SO_SNDBUFFORCE);
    C(U, SHUT_RDWR); C(U, MSG_TRUNC);
    OFF(U, "SOCKADDR_UN_FAMILY_OFFSET", struct sockaddr_un, sun_family);
    OFF(U, "SOCKADDR_UN_PATH_OFFSET", struct sockaddr_un, sun_path);
    P(U, "SOCKADDR_UN_SIZE", sizeof(struct sockaddr_un));
    P(U, "UNIX_PATH_MAX", sizeof(((struct sockaddr_un *)0)->sun_path));
    C(U, POLLIN); C(U, POLLOUT); C(U, POLLERR); C(U, POLLHUP); C(U, POLLNVAL);
    OFF(U, "MSGHDR_NAME_OFFSET", struct msghdr, msg_name); OFF(U, "MSGHDR_NAMELEN_OFFSET", struct msghdr, msg_namelen);
    OFF(U, "MSGHDR_IOV_OFFSET", struct msghdr, msg_iov); OFF(U, "MSGHDR_IOVLEN_OFFSET", struct msghdr, msg_iovlen);
    OFF(U, "MSGHDR_CONTROL_OFFSET", struct msghdr, msg_control);
    OFF(U, "MSGHDR_CONTROLLEN_OFFSET", struct msghdr, msg_controllen);
    OFF(U, "MSGHDR_FLAGS_OFFSET", struct msghdr, msg_flags);
    P(U, "MSGHDR_SIZE", sizeof(struct msghdr));
    OFF(U, "IOVEC_BASE_OFFSET", struct iovec, iov_base); OFF(U, "IOVEC_LEN_OFFSET", struct iovec, iov_len);
    P(U, "IOVEC_SIZE", sizeof(struct iovec));
    OFF(U, "CMSGHDR_LEN_OFFSET", struct cmsghdr, cmsg_len); OFF(U, "CMSGHDR_LEVEL_OFFSET", struct cmsghdr, cmsg_level);
    OFF(U, "CMSGHDR_TYPE_OFFSET", struct cmsghdr, cmsg_type);
    { struct cmsghdr c; P(U, "CMSGHDR_DATA_OFFSET", (char *)CMSG_DATA(&c) - (char *)&c); }
    OFF(U, "POLLFD_FD_OFFSET", struct pollfd, fd); OFF(U, "POLLFD_EVENTS_OFFSET", struct pollfd, events);
    OFF(U, "POLLFD_REVENTS_OFFSET", struct pollfd, revents); P(U, "POLLFD_SIZE", sizeof(struct pollfd));

    const char *S = "PosixSpawn";
    P(S, "FILE_ACTIONS_SIZE", sizeof(posix_spawn_file_actions_t)); P(S, "ATTR_SIZE", sizeof(posix_spawnattr_t));
    P(S, "SIGSET_SIZE", sizeof(sigset_t));
    C(S, POSIX_SPAWN_SETSIGDEF); C(S, POSIX_SPAWN_SETSIGMASK); C(S, WNOHANG);
    C(S, SIGKILL); C(S, SIGTERM); C(S, SIGPIPE); C(S, SIGINT); C(S, SIGHUP); C(S, SIGCHLD);

    const char *F = "PosixFile";
    C(F, F_GETFD); C(F, F_SETFD); C(F, F_DUPFD_CLOEXEC); C(F, FD_CLOEXEC); C(F, EFD_CLOEXEC); C(F, EFD_NONBLOCK);
    C(F, F_OFD_SETLK); C(F, F_RDLCK); C(F, F_WRLCK); C(F, F_UNLCK); C(F, SEEK_SET);
    OFF(F, "FLOCK_TYPE_OFFSET", struct flock, l_type); OFF(F, "FLOCK_WHENCE_OFFSET", struct flock, l_whence);
    OFF(F, "FLOCK_START_OFFSET", struct flock, l_start); OFF(F, "FLOCK_LEN_OFFSET", struct flock, l_len);
    OFF(F, "FLOCK_PID_OFFSET", struct flock, l_pid); P(F, "FLOCK_SIZE", sizeof(struct flock));

    const char *UP = "UnixPeer";
    C(UP, SO_PEERCRED); C(UP, SO_PEERGROUPS);
    OFF(UP, "UCRED_PID_OFFSET", struct ucred, pid); OFF(UP, "UCRED_UID_OFFSET", struct ucred, uid);
    OFF(UP, "UCRED_GID_OFFSET", struct ucred, gid); P(UP, "UCRED_SIZE", sizeof(struct ucred));
    OFF(UP, "PASSWD_UID_OFFSET", struct passwd, pw_uid); OFF(UP, "GROUP_GID_OFFSET", struct group, gr_gid);
    C("FdMessage", MSG_CTRUNC);
    C("FdMemory", MAP_FIXED_NOREPLACE); C("FdMemory", SEEK_END); C("FdMemory", F_ADD_SEALS);
    C("FdMemory", F_GET_SEALS); C("FdMemory", F_SEAL_SHRINK);
    const char *PS = "PacketSocket";
    C(PS, AF_PACKET); C(PS, SOCK_RAW); C(PS, SOCK_NONBLOCK); C(PS, SOCK_CLOEXEC); C(PS, ETH_P_ALL);
    C(PS, SOL_SOCKET); C(PS, SO_ERROR); C(PS, SO_RCVBUF); C(PS, SO_RCVBUFFORCE);
    C(PS, SOL_PACKET); C(PS, PACKET_ADD_MEMBERSHIP); C(PS, PACKET_DROP_MEMBERSHIP); C(PS, PACKET_STATISTICS);
    C(PS, PACKET_IGNORE_OUTGOING); C(PS, PACKET_MR_PROMISC); C(PS, PACKET_MR_ALLMULTI);
    OFF(PS, "SOCKADDR_LL_FAMILY_OFFSET", struct sockaddr_ll, sll_family);
    OFF(PS, "SOCKADDR_LL_PROTOCOL_OFFSET", struct sockaddr_ll, sll_protocol);
    OFF(PS, "SOCKADDR_LL_IFINDEX_OFFSET", struct sockaddr_ll, sll_ifindex);
    P(PS, "SOCKADDR_LL_LENGTH", sizeof(struct sockaddr_ll));
    OFF(PS, "PACKET_MREQ_IFINDEX_OFFSET", struct packet_mreq, mr_ifindex);
    OFF(PS, "PACKET_MREQ_TYPE_OFFSET", struct packet_mreq, mr_type);
    P(PS, "PACKET_MREQ_LENGTH", sizeof(struct packet_mreq));
    OFF(PS, "TPACKET_STATS_PACKETS_OFFSET", struct tpacket_stats, tp_packets);
    OFF(PS, "TPACKET_STATS_DROPS_OFFSET", struct tpacket_stats, tp_drops);
    P(PS, "TPACKET_STATS_LENGTH", sizeof(struct tpacket_stats));
    return 0;
}
