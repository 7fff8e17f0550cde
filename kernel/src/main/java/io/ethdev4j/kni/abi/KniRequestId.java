package io.ethdev4j.kni.abi;

/** {@code enum rte_kni_req_id} (DPDK v22.11 lib/kni/rte_kni_common.h). */
public final class KniRequestId
{
    public static final int RTE_KNI_REQ_UNKNOWN = 0;
    public static final int RTE_KNI_REQ_CHANGE_MTU = 1;
    public static final int RTE_KNI_REQ_CFG_NETWORK_IF = 2;
    public static final int RTE_KNI_REQ_CHANGE_MAC_ADDR = 3;
    public static final int RTE_KNI_REQ_CHANGE_PROMISC = 4;
    public static final int RTE_KNI_REQ_CHANGE_ALLMULTI = 5;
    public static final int RTE_KNI_REQ_MAX = 6;

    private KniRequestId()
    {
    }

    public static String name(final int reqId)
    {
        switch (reqId)
        {
            case RTE_KNI_REQ_UNKNOWN: return "UNKNOWN";
            case RTE_KNI_REQ_CHANGE_MTU: return "CHANGE_MTU";
            case RTE_KNI_REQ_CFG_NETWORK_IF: return "CFG_NETWORK_IF";
            case RTE_KNI_REQ_CHANGE_MAC_ADDR: return "CHANGE_MAC_ADDR";
            case RTE_KNI_REQ_CHANGE_PROMISC: return "CHANGE_PROMISC";
            case RTE_KNI_REQ_CHANGE_ALLMULTI: return "CHANGE_ALLMULTI";
            default: return "req_id " + reqId;
        }
    }
}
