/** Mean Earth radius in km, the value Turf uses, so our distances agree with `turf.distance`. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Length of one degree of latitude (and of longitude at the equator) in km on that sphere. */
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
